namespace RelayActors.Host.Configuration;

/// <summary>The job launcher a node was started by, recognised from its environment variables.</summary>
internal enum LauncherKind
{
    /// <summary>Started by hand (or by a launcher we do not know): everything comes from flags and HOCON.</summary>
    None,

    /// <summary><c>srun</c>: <c>SLURM_PROCID</c>, <c>SLURM_NTASKS</c>, <c>SLURM_LOCALID</c>, <c>SLURM_STEP_NODELIST</c>/<c>SLURM_JOB_NODELIST</c>.</summary>
    Slurm,

    /// <summary><c>mpirun</c> of Open MPI: <c>OMPI_COMM_WORLD_RANK</c>, <c>_SIZE</c>, <c>_LOCAL_RANK</c>; no host list.</summary>
    OpenMpi,
}
