namespace RelayActors.Benchmarks;

/// <summary>Side figures of the Tell investigation, one entry per run (warm-ups included; <see cref="Last"/> drops them).</summary>
internal sealed class TellRunLog
{
    /// <summary>Messages processed per mailbox turn in end-to-end runs (mailbox copies only).</summary>
    public List<double> MessagesPerTurn { get; } = [];

    /// <summary>Turns scheduled by the producer (mailbox found idle) per 1,000 messages in end-to-end runs (copies only).</summary>
    public List<double> ProducerSchedulesPerThousand { get; } = [];

    /// <summary>ns per Tell with the consumer held (no reader competing, mailbox never idle).</summary>
    public List<double> ProducerAloneNs { get; } = [];

    /// <summary>ns per message to drain a full queue with the producer finished.</summary>
    public List<double> ConsumerAloneNs { get; } = [];

    public void Clear()
    {
        MessagesPerTurn.Clear();
        ProducerSchedulesPerThousand.Clear();
        ProducerAloneNs.Clear();
        ConsumerAloneNs.Clear();
    }

    /// <summary>Summary of the last <paramref name="count"/> entries, or "–" when there are none.</summary>
    public static string Last(List<double> values, int count, Func<Summary, string> format) =>
        values.Count == 0 ? "–" : format(Summary.Of(values.Skip(Math.Max(0, values.Count - count)).ToArray()));

    public static double NsPerMessage(TimeSpan elapsed, int count) => elapsed.TotalNanoseconds / count;
}
