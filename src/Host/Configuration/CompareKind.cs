namespace RelayActors.Host.Configuration;

/// <summary>What the cells of a <c>relay compare</c> grid run.</summary>
internal enum CompareKind
{
    /// <summary><c>relay train</c> runs, from <c>relay-actors.training</c>.</summary>
    Training,

    /// <summary>Random-quadratics runs to a target, from <c>relay-actors.quadratics</c>.</summary>
    Quadratics,
}
