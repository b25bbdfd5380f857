package io.jmpi.examples;

import io.jmpi.Comm;
import io.jmpi.Group;
import io.jmpi.Mpi;
import io.jmpi.Op;

import java.util.SplittableRandom;

/**
 * A direct-summation N-body code: n bodies of equal mass, total 1, under softened gravity (G = 1), integrated by
 * velocity Verlet (kick, drift, kick). The bodies start scattered through the unit cube, slowly moving. Each rank owns
 * a block of bodies, the blocks differing by one when n is not a multiple of the ranks. Every step a rank moves its
 * own bodies, shares their new positions by allgatherv (in place: each rank's block is already where it belongs in
 * the array of all positions) and computes the forces on its bodies from all n. The total energy is summed over
 * the ranks by allreduce.
 * <p>
 * Rank 0 gathers the velocities (gatherv), runs the same simulation alone and exits with 1 unless the total energy
 * drifted by less than 1e-4 of itself, the energies agree with the serial ones within 1e-12 of themselves, and the
 * positions and velocities are the serial ones exactly.
 * Usage: {@code NBody [bodies] [steps]} (default 500 bodies, 200 steps of 0.002).
 */
public final class NBody
{
    private static final double DT = 0.002;
    /** Plummer softening length squared: keeps close encounters finite at the time step. */
    private static final double SOFTENING2 = 0.05 * 0.05;
    private static final double DRIFT = 1e-4;
    /**
     * The energy is a sum over ranks, in a different order than the serial sum: it agrees to rounding, not exactly.
     * The forces, by contrast, add the same terms in the same order on both sides, so the orbits agree bit for bit.
     */
    private static final double ENERGY_AGREEMENT = 1e-12;
    private static final long SEED = 42;

    private NBody()
    {
    }

    /**
     * @param args optional number of bodies and of steps.
     */
    public static void main(final String[] args)
    {
        final int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        final int steps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        try (Mpi mpi = Mpi.init(args))
        {
            final Comm world = mpi.world();
            final Bodies bodies = new Bodies(world, n);
            final double start = bodies.energy();
            bodies.run(steps);
            final double end = bodies.energy();
            final double[] velocities = bodies.gatherVelocities();

            final Comm alone = world.split(0 == world.rank() ? 0 : Group.UNDEFINED, 0);
            if (null == alone)
            {
                return;
            }
            final Bodies serial = new Bodies(alone, n);
            final double serialStart = serial.energy();
            serial.run(steps);
            final double serialEnd = serial.energy();
            final double orbits = Math.max(maxDifference(bodies.positions(), serial.positions()),
                maxDifference(velocities, serial.gatherVelocities()));
            alone.free();

            final double drift = Math.abs((end - start) / start);
            final double energyError = Math.max(Math.abs((start - serialStart) / serialStart),
                Math.abs((end - serialEnd) / serialEnd));
            System.out.printf("NBody %d bodies, %d steps on %d ranks: energy drift %.2g, energy differs from serial " +
                "by %.2g, max difference of positions and velocities from serial %s%n", n, steps, world.size(),
                drift, energyError, orbits);
            if (drift > DRIFT || energyError > ENERGY_AGREEMENT || 0 != orbits)
            {
                System.err.println("NBody: energy not conserved, or the parallel run differs from the serial one");
                System.exit(1);
            }
        }
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
     * The bodies as one rank sees them: the positions of all n, x y z one after another, and the velocities and
     * accelerations of its own block, bodies {@code first} to {@code first + count - 1}.
     */
    private static final class Bodies
    {
        private final Comm comm;
        private final int n;
        private final double mass;
        private final int first;
        private final int count;
        /** Per rank, the doubles of its block's positions or velocities, and where the block starts. */
        private final int[] counts;
        private final int[] displacements;
        private final double[] positions;
        private final double[] velocities;
        private final double[] accelerations;
        private final double[] partial = new double[1];
        private final double[] total = new double[1];

        Bodies(final Comm comm, final int n)
        {
            final int size = comm.size();
            this.comm = comm;
            this.n = n;
            this.mass = 1.0 / n;
            this.counts = new int[size];
            this.displacements = new int[size];
            for (int r = 0; r < size; r++)
            {
                displacements[r] = 3 * firstBody(r, size, n);
                counts[r] = 3 * firstBody(r + 1, size, n) - displacements[r];
            }
            this.first = firstBody(comm.rank(), size, n);
            this.count = counts[comm.rank()] / 3;
            this.positions = new double[3 * n];
            this.velocities = new double[3 * count];
            this.accelerations = new double[3 * count];
            scatterInCube();
            accelerate();
        }

        private static int firstBody(final int rank, final int size, final int n)
        {
            return rank * n / size;
        }

        /**
         * Every rank draws all bodies from the same seed, so all know the initial positions, and keeps the
         * velocities of its own.
         */
        private void scatterInCube()
        {
            final SplittableRandom random = new SplittableRandom(SEED);
            for (int i = 0; i < n; i++)
            {
                for (int d = 0; d < 3; d++)
                {
                    positions[3 * i + d] = random.nextDouble();
                    final double velocity = random.nextDouble(-0.1, 0.1);
                    if (i >= first && i < first + count)
                    {
                        velocities[3 * (i - first) + d] = velocity;
                    }
                }
            }
        }

        void run(final int steps)
        {
            for (int step = 0; step < steps; step++)
            {
                kick(DT / 2);
                drift(DT);
                comm.allgatherv(Mpi.IN_PLACE, 0, 0, positions, 0, counts, displacements);
                accelerate();
                kick(DT / 2);
            }
        }

        private void kick(final double dt)
        {
            for (int k = 0; k < 3 * count; k++)
            {
                velocities[k] += dt * accelerations[k];
            }
        }

        private void drift(final double dt)
        {
            for (int k = 0; k < 3 * count; k++)
            {
                positions[3 * first + k] += dt * velocities[k];
            }
        }

        /**
         * The acceleration of each own body: the softened pull of every other body, added in the order of the bodies.
         */
        private void accelerate()
        {
            for (int i = first; i < first + count; i++)
            {
                double ax = 0;
                double ay = 0;
                double az = 0;
                for (int j = 0; j < n; j++)
                {
                    if (j != i)
                    {
                        final double dx = positions[3 * j] - positions[3 * i];
                        final double dy = positions[3 * j + 1] - positions[3 * i + 1];
                        final double dz = positions[3 * j + 2] - positions[3 * i + 2];
                        final double r2 = dx * dx + dy * dy + dz * dz + SOFTENING2;
                        final double pull = mass / (r2 * Math.sqrt(r2));
                        ax += pull * dx;
                        ay += pull * dy;
                        az += pull * dz;
                    }
                }
                final int k = 3 * (i - first);
                accelerations[k] = ax;
                accelerations[k + 1] = ay;
                accelerations[k + 2] = az;
            }
        }

        /**
         * @return kinetic plus potential energy of all bodies: each rank adds the kinetic energy of its own bodies
         * and half the potential energy of their pairs with all others (each pair is counted from both ends).
         */
        double energy()
        {
            double sum = 0;
            for (int i = first; i < first + count; i++)
            {
                final int k = 3 * (i - first);
                final double v2 = velocities[k] * velocities[k] + velocities[k + 1] * velocities[k + 1] +
                    velocities[k + 2] * velocities[k + 2];
                sum += 0.5 * mass * v2;
                for (int j = 0; j < n; j++)
                {
                    if (j != i)
                    {
                        final double dx = positions[3 * j] - positions[3 * i];
                        final double dy = positions[3 * j + 1] - positions[3 * i + 1];
                        final double dz = positions[3 * j + 2] - positions[3 * i + 2];
                        sum -= 0.5 * mass * mass / Math.sqrt(dx * dx + dy * dy + dz * dz + SOFTENING2);
                    }
                }
            }
            partial[0] = sum;
            comm.allreduce(partial, 0, total, 0, 1, Op.SUM);
            return total[0];
        }

        /**
         * @return the positions of all bodies, as the last allgatherv left them.
         */
        double[] positions()
        {
            return positions;
        }

        /**
         * @return at rank 0 the velocities of all bodies (gatherv); elsewhere null.
         */
        double[] gatherVelocities()
        {
            final double[] all = 0 == comm.rank() ? new double[3 * n] : null;
            comm.gatherv(velocities, 0, 3 * count, all, 0, counts, displacements, 0);
            return all;
        }
    }
}
