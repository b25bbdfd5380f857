/**
 * The API of Open MPI's Java bindings ({@code mpi.jar} of Open MPI 1.7 to 5.x) over jmpi: programs written for
 * those bindings compile against this module and run under jrun unchanged, with no native library. The mpiJava 1.2
 * API lives in the same package in another module (jmpi-mpijava); jrun puts the one a program refers to on its
 * class path.
 */
package mpi;
