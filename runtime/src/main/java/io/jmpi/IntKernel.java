package io.jmpi;

/**
 * The predefined operations on {@code int} arrays, element-wise: {@code inout[i] = in[i] op inout[i]}.
 * Arithmetic wraps around as Java's does; logical operations take non-zero as true and give 1 or 0.
 * MINLOC and MAXLOC combine (value, index) pairs stored in consecutive elements; on equal values the lower
 * index wins, as MPI defines.
 */
final class IntKernel
{
    private static final int TRUE = 1;
    private static final int FALSE = 0;

    private IntKernel()
    {
    }

    static void apply(
        final OpKind kind, final int[] in, final int inOffset, final int[] inout, final int inoutOffset,
        final int count)
    {
        switch (kind)
        {
            case SUM:
                for (int i = 0; i < count; i++)
                {
                    inout[inoutOffset + i] += in[inOffset + i];
                }
                break;
            case PROD:
                for (int i = 0; i < count; i++)
                {
                    inout[inoutOffset + i] *= in[inOffset + i];
                }
                break;
            case MIN:
                for (int i = 0; i < count; i++)
                {
                    if (in[inOffset + i] < inout[inoutOffset + i])
                    {
                        inout[inoutOffset + i] = in[inOffset + i];
                    }
                }
                break;
            case MAX:
                for (int i = 0; i < count; i++)
                {
                    if (in[inOffset + i] > inout[inoutOffset + i])
                    {
                        inout[inoutOffset + i] = in[inOffset + i];
                    }
                }
                break;
            case LAND:
                for (int i = 0; i < count; i++)
                {
                    inout[inoutOffset + i] = (in[inOffset + i] != 0) & (inout[inoutOffset + i] != 0) ? TRUE : FALSE;
                }
                break;
            case LOR:
                for (int i = 0; i < count; i++)
                {
                    inout[inoutOffset + i] = (in[inOffset + i] != 0) | (inout[inoutOffset + i] != 0) ? TRUE : FALSE;
                }
                break;
            case LXOR:
                for (int i = 0; i < count; i++)
                {
                    inout[inoutOffset + i] = (in[inOffset + i] != 0) ^ (inout[inoutOffset + i] != 0) ? TRUE : FALSE;
                }
                break;
            case BAND:
                for (int i = 0; i < count; i++)
                {
                    inout[inoutOffset + i] &= in[inOffset + i];
                }
                break;
            case BOR:
                for (int i = 0; i < count; i++)
                {
                    inout[inoutOffset + i] |= in[inOffset + i];
                }
                break;
            case BXOR:
                for (int i = 0; i < count; i++)
                {
                    inout[inoutOffset + i] ^= in[inOffset + i];
                }
                break;
            case MINLOC:
                for (int i = 0; i < count; i += 2)
                {
                    final int value = in[inOffset + i];
                    final int index = in[inOffset + i + 1];
                    final int at = inoutOffset + i;
                    if (value < inout[at] || (value == inout[at] && index < inout[at + 1]))
                    {
                        inout[at] = value;
                        inout[at + 1] = index;
                    }
                }
                break;
            case MAXLOC:
                for (int i = 0; i < count; i += 2)
                {
                    final int value = in[inOffset + i];
                    final int index = in[inOffset + i + 1];
                    final int at = inoutOffset + i;
                    if (value > inout[at] || (value == inout[at] && index < inout[at + 1]))
                    {
                        inout[at] = value;
                        inout[at + 1] = index;
                    }
                }
                break;
            default:
                throw new MpiException(ErrorClass.ERR_OP, kind + " is not defined on INT");
        }
    }
}
