package io.jmpi.examples;

import io.jmpi.Comm;
import io.jmpi.Group;
import io.jmpi.Mpi;
import io.jmpi.Op;
import io.jmpi.Status;

import java.util.Arrays;

/**
 * A conjugate-gradient solver of the Poisson equation -Laplace(u) = f on the unit square with u = 0 on the
 * boundary, discretised by the 5-point stencil on an n x n grid of interior points. The grid's rows are split into
 * strips, one per rank, and the matrix is never stored: each product exchanges the strip's edge rows with the
 * neighbouring strips (sendrecv; PROC_NULL past the first and last strip, whose halo then keeps the boundary's
 * zeros) and applies the stencil. Dot products are local sums combined by allreduce. CG stops when the residual
 * norm falls below the tolerance times the norm of the right-hand side, or after the maximum of iterations.
 * <p>
 * Here f = 1, a membrane under a uniform load. Rank 0 gathers the solution, runs the same solver alone and exits
 * with 1 unless both converged in the same number of iterations to solutions that agree within 1e-10 and the true
 * residual |b - Ax| / |b| of the parallel solution is below twice the tolerance.
 * Usage: {@code ConjugateGradient [n] [tolerance] [maxIterations]} (default 64, 1e-8, 1000).
 */
public final class ConjugateGradient
{
    /**
     * How far the parallel solution may be from the serial one. A parallel dot product adds the ranks' partial sums,
     * a serial one adds the points left to right: floating-point addition is not associative, so the two differ in
     * the last bits, and so do the step lengths that CG computes from them, iteration after iteration. The solutions
     * then differ by rounding errors (about 1e-14 here), far below the solver's tolerance; exact agreement would need
     * the same order of additions. The iteration counts still agree: relative errors that small are far below the
     * residual's fall from one iteration to the next, so both runs pass the tolerance in the same iteration (unless
     * a residual lands within rounding of it).
     */
    private static final double AGREEMENT = 1e-10;
    private static final int TAG_UP = 1;
    private static final int TAG_DOWN = 2;

    private ConjugateGradient()
    {
    }

    /**
     * @param args optional grid size, tolerance and maximum number of iterations.
     */
    public static void main(final String[] args)
    {
        final int n = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        final double tolerance = args.length > 1 ? Double.parseDouble(args[1]) : 1e-8;
        final int maxIterations = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        try (Mpi mpi = Mpi.init(args))
        {
            final Comm world = mpi.world();
            final Strip strip = new Strip(world, n);
            final Solution parallel = solve(strip, tolerance, maxIterations);
            final double[] whole = strip.gather(parallel.x());

            final Comm alone = world.split(0 == world.rank() ? 0 : Group.UNDEFINED, 0);
            if (null == alone)
            {
                return;
            }
            final Strip all = new Strip(alone, n);
            final Solution serial = solve(all, tolerance, maxIterations);
            final double difference = maxDifference(whole, all.gather(serial.x()));
            alone.free();
            System.out.printf("CG %dx%d on %d ranks: %d iterations (serial %d), residual %.2g, " +
                "max difference from serial %.2g%n", n, n, world.size(), parallel.iterations(), serial.iterations(),
                parallel.residual(), difference);
            if (parallel.iterations() != serial.iterations() || parallel.iterations() >= maxIterations ||
                parallel.residual() > 2 * tolerance || difference > AGREEMENT)
            {
                System.err.println("ConjugateGradient: the parallel solve failed or differs from the serial one");
                System.exit(1);
            }
        }
    }

    /**
     * Conjugate gradients from x = 0.
     */
    private static Solution solve(final Strip strip, final double tolerance, final int maxIterations)
    {
        final double[] b = strip.rightHandSide();
        final double[] x = strip.vector();
        final double[] r = b.clone();
        final double[] p = b.clone();
        final double[] q = strip.vector();
        final double bb = strip.dot(b, b);
        double rr = bb;
        int iterations = 0;
        while (iterations < maxIterations && Math.sqrt(rr / bb) > tolerance)
        {
            strip.multiply(p, q);
            final double alpha = rr / strip.dot(p, q);
            strip.addScaled(x, alpha, p);
            strip.addScaled(r, -alpha, q);
            final double next = strip.dot(r, r);
            strip.scaleAndAdd(p, next / rr, r);
            rr = next;
            iterations++;
        }
        // the residual that the recurrence updated drifts from b - Ax by rounding: check the true one
        strip.multiply(x, q);
        strip.addScaled(q, -1, b);
        return new Solution(iterations, Math.sqrt(strip.dot(q, q) / bb), x);
    }

    private static double maxDifference(final double[] a, final double[] b)
    {
        double max = 0;
        for (int i = 0; i < a.length; i++)
        {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /**
     * @param iterations CG iterations run.
     * @param residual   |b - Ax| / |b| of the solution.
     * @param x          this rank's strip of the solution, with its halo rows.
     */
    private record Solution(int iterations, double residual, double[] x)
    {
    }

    /**
     * The rows of the grid that one rank owns, and the vector operations of CG on them. A vector holds the strip's
     * rows with a halo row above and below them, row-major: point (i, j) of the strip is at {@code (i + 1) * n + j}.
     */
    private static final class Strip
    {
        private final Comm comm;
        private final int n;
        private final int first;
        private final int rows;
        private final int up;
        private final int down;
        private final Status status = new Status();
        private final double[] partial = new double[1];
        private final double[] total = new double[1];

        Strip(final Comm comm, final int n)
        {
            final int rank = comm.rank();
            final int size = comm.size();
            this.comm = comm;
            this.n = n;
            this.first = firstRow(rank, size, n);
            this.rows = firstRow(rank + 1, size, n) - first;
            this.up = rank > 0 ? rank - 1 : Mpi.PROC_NULL;
            this.down = rank < size - 1 ? rank + 1 : Mpi.PROC_NULL;
        }

        private static int firstRow(final int rank, final int size, final int n)
        {
            return rank * n / size;
        }

        double[] vector()
        {
            return new double[(rows + 2) * n];
        }

        /**
         * @return b = h^2 f at the strip's points, f = 1: the stencil below leaves out the factor 1 / h^2.
         */
        double[] rightHandSide()
        {
            final double h = 1.0 / (n + 1);
            final double[] b = vector();
            Arrays.fill(b, n, (rows + 1) * n, h * h);
            return b;
        }

        /**
         * q = A p, matrix-free: fetch the neighbours' edge rows into p's halo, then apply the 5-point stencil; the
         * points beyond the left and right edges are the boundary's zeros.
         */
        void multiply(final double[] p, final double[] q)
        {
            comm.sendrecv(p, n, n, up, TAG_UP, p, (rows + 1) * n, n, down, TAG_UP, status);
            comm.sendrecv(p, rows * n, n, down, TAG_DOWN, p, 0, n, up, TAG_DOWN, status);
            for (int k = n; k < (rows + 1) * n; k++)
            {
                final int j = k % n;
                final double left = j > 0 ? p[k - 1] : 0;
                final double right = j < n - 1 ? p[k + 1] : 0;
                q[k] = 4 * p[k] - p[k - n] - p[k + n] - left - right;
            }
        }

        /**
         * @return the dot product over the whole grid: this strip's sum, summed over the ranks.
         */
        double dot(final double[] a, final double[] b)
        {
            double sum = 0;
            for (int k = n; k < (rows + 1) * n; k++)
            {
                sum += a[k] * b[k];
            }
            partial[0] = sum;
            comm.allreduce(partial, 0, total, 0, 1, Op.SUM);
            return total[0];
        }

        /**
         * y += alpha x.
         */
        void addScaled(final double[] y, final double alpha, final double[] x)
        {
            for (int k = n; k < (rows + 1) * n; k++)
            {
                y[k] += alpha * x[k];
            }
        }

        /**
         * y = beta y + x.
         */
        void scaleAndAdd(final double[] y, final double beta, final double[] x)
        {
            for (int k = n; k < (rows + 1) * n; k++)
            {
                y[k] = beta * y[k] + x[k];
            }
        }

        /**
         * Collect every rank's strip at rank 0 (gatherv: the strips differ in rows when n is not a multiple of the
         * ranks).
         *
         * @return at rank 0 the whole grid, row-major, without halos; elsewhere null.
         */
        double[] gather(final double[] v)
        {
            final int size = comm.size();
            final int[] counts = new int[size];
            final int[] displacements = new int[size];
            for (int r = 0; r < size; r++)
            {
                displacements[r] = firstRow(r, size, n) * n;
                counts[r] = firstRow(r + 1, size, n) * n - displacements[r];
            }
            final double[] whole = 0 == comm.rank() ? new double[n * n] : null;
            comm.gatherv(v, n, rows * n, whole, 0, counts, displacements, 0);
            return whole;
        }
    }
}
