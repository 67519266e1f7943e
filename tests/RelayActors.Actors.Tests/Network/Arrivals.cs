using RelayActors.Runtime.Scheduling;
using RelayActors.Runtime.TestKit;

namespace RelayActors.Actors.Tests.Network;

/// <summary>Receives packets together with the virtual time each arrived at.</summary>
internal static class Arrivals
{
    /// <summary>
    /// Takes <paramref name="count"/> <see cref="Packet"/>s from <paramref name="probe"/>; the probe advances the
    /// virtual clock item by item, so the clock reads each packet's delivery time when it is taken.
    /// </summary>
    public static List<(int Seq, TimeSpan At)> Receive(TestProbe probe, IScheduler clock, int count)
    {
        var received = new List<(int, TimeSpan)>(count);
        for (var i = 0; i < count; i++)
            received.Add((probe.ExpectMsg<Packet>(TimeSpan.FromDays(1)).Seq, clock.Now));
        return received;
    }
}
