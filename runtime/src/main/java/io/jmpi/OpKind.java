package io.jmpi;

/**
 * What an {@link Op} computes, and on which datatypes MPI defines it.
 */
enum OpKind
{
    SUM(Family.ARITHMETIC),
    PROD(Family.ARITHMETIC),
    MIN(Family.ARITHMETIC),
    MAX(Family.ARITHMETIC),
    LAND(Family.LOGICAL),
    LOR(Family.LOGICAL),
    LXOR(Family.LOGICAL),
    BAND(Family.LOGICAL),
    BOR(Family.LOGICAL),
    BXOR(Family.LOGICAL),
    MINLOC(Family.LOCATION),
    MAXLOC(Family.LOCATION),
    USER(Family.USER);

    /**
     * The datatypes an operation applies to: arithmetic and location operations to numbers (not boolean), logical
     * and bitwise operations to integers and boolean (not floating point), user operations to every type.
     */
    enum Family
    {
        ARITHMETIC,
        LOGICAL,
        LOCATION,
        USER
    }

    private final Family family;

    OpKind(final Family family)
    {
        this.family = family;
    }

    /**
     * @return true for MINLOC and MAXLOC, whose operands are (value, index) pairs of two elements.
     */
    boolean isLocation()
    {
        return Family.LOCATION == family;
    }

    /**
     * @param datatype an element type.
     * @return true if MPI defines this operation on that type.
     */
    boolean appliesTo(final Datatype datatype)
    {
        final boolean floating = Datatype.FLOAT == datatype || Datatype.DOUBLE == datatype;
        final boolean logical = Datatype.BOOLEAN == datatype;
        switch (family)
        {
            case ARITHMETIC:
            case LOCATION:
                return !logical;
            case LOGICAL:
                return !floating;
            default:
                return true;
        }
    }
}
