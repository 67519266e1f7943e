using RelayActors.Host.Configuration;
using RelayActors.Runtime.Configuration;

namespace RelayActors.Host.Commands;

/// <summary>
/// One run of a comparison grid: a row (algorithm on a topology) at one point of the axes — α (training) or n
/// (quadratics), a seed, a drop probability — with the configuration it runs under (the base sections with the
/// cell's values set) and the index of its table column. <see cref="Id"/> names its folder under <c>cells/</c>,
/// readable: <c>relaysgd-chain-a0.01-s1</c>, with <c>-p0.1</c> when messages drop.
/// </summary>
internal sealed record CompareCell(
    string Id,
    CompareEntry Entry,
    double? Alpha,
    int? Workers,
    int Seed,
    double DropProbability,
    int Column,
    Config Config);
