/**
 * The part of MPJ Express's buffer package that its programs use with {@code Comm.Pack}, {@code Comm.Unpack} and
 * {@code MPI.PACKED}: a {@link mpjbuf.Buffer} over a raw buffer from {@link mpjbuf.BufferFactory}.
 */
package mpjbuf;
