package io.jmpi;

/**
 * The predefined operations on {@code boolean} arrays, element-wise: {@code inout[i] = in[i] op inout[i]}.
 * Logical and bitwise operations are the same on booleans: LAND and BAND are and, LOR and BOR or, LXOR and BXOR
 * exclusive or.
 */
final class BooleanKernel
{
    private BooleanKernel()
    {
    }

    static void apply(
        final OpKind kind, final boolean[] in, final int inOffset, final boolean[] inout, final int inoutOffset,
        final int count)
    {
        switch (kind)
        {
            case LAND:
            case BAND:
                for (int i = 0; i < count; i++)
                {
                    inout[inoutOffset + i] &= in[inOffset + i];
                }
                break;
            case LOR:
            case BOR:
                for (int i = 0; i < count; i++)
                {
                    inout[inoutOffset + i] |= in[inOffset + i];
                }
                break;
            case LXOR:
            case BXOR:
                for (int i = 0; i < count; i++)
                {
                    inout[inoutOffset + i] ^= in[inOffset + i];
                }
                break;
            default:
                throw new MpiException(ErrorClass.ERR_OP, kind + " is not defined on BOOLEAN");
        }
    }
}
