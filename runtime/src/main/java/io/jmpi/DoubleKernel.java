package io.jmpi;

/**
 * The predefined operations on {@code double} arrays, element-wise: {@code inout[i] = in[i] op inout[i]}.
 * MIN and MAX follow {@link Math#min} and {@link Math#max}: NaN wins, and -0.0 is below 0.0. MINLOC and MAXLOC
 * combine (value, index) pairs stored in consecutive elements, the index held as a double; on equal values the
 * lower index wins, as MPI defines.
 */
final class DoubleKernel
{
    private DoubleKernel()
    {
    }

    static void apply(
        final OpKind kind, final double[] in, final int inOffset, final double[] inout, final int inoutOffset,
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
                    final double value = in[inOffset + i];
                    final double index = in[inOffset + i + 1];
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
                    final double value = in[inOffset + i];
                    final double index = in[inOffset + i + 1];
                    final int at = inoutOffset + i;
                    if (value > inout[at] || (value == inout[at] && index < inout[at + 1]))
                    {
                        inout[at] = value;
                        inout[at + 1] = index;
                    }
                }
                break;
            default:
                throw new MpiException(ErrorClass.ERR_OP, kind + " is not defined on DOUBLE");
        }
    }
}
