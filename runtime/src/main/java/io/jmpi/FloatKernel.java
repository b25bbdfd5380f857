package io.jmpi;

/**
 * The predefined operations on {@code float} arrays, element-wise: {@code inout[i] = in[i] op inout[i]}.
 * MIN and MAX follow {@link Math#min} and {@link Math#max}: NaN wins, and -0.0 is below 0.0. MINLOC and MAXLOC
 * combine (value, index) pairs stored in consecutive elements, the index held as a float; on equal values the
 * lower index wins, as MPI defines.
 */
final class FloatKernel
{
    private FloatKernel()
    {
    }

    static void apply(
        final OpKind kind, final float[] in, final int inOffset, final float[] inout, final int inoutOffset,
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
                    inout[inoutOffset + i] = Math.min(in[inOffset + i], inout[inoutOffset + i]);
                }
                break;
            case MAX:
                for (int i = 0; i < count; i++)
                {
                    inout[inoutOffset + i] = Math.max(in[inOffset + i], inout[inoutOffset + i]);
                }
                break;
            case MINLOC:
                for (int i = 0; i < count; i += 2)
                {
                    final float value = in[inOffset + i];
                    final float index = in[inOffset + i + 1];
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
                    final float value = in[inOffset + i];
                    final float index = in[inOffset + i + 1];
                    final int at = inoutOffset + i;
                    if (value > inout[at] || (value == inout[at] && index < inout[at + 1]))
                    {
                        inout[at] = value;
                        inout[at + 1] = index;
                    }
                }
                break;
            default:
                throw new MpiException(ErrorClass.ERR_OP, kind + " is not defined on FLOAT");
        }
    }
}
