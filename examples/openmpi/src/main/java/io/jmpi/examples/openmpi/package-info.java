/**
 * Programs written against Open MPI's Java bindings, run by jrun on jmpi unchanged.
 */
package io.jmpi.examples.openmpi;
