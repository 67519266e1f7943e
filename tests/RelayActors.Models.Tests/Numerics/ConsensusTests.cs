using RelayActors.Models.Numerics;

namespace RelayActors.Models.Tests.Numerics;

public sealed class ConsensusTests
{
    [Fact]
    public void MeanAndDistance_TwoModels_HandComputed()
    {
        ReadOnlyMemory<double>[] models = [new[] { 1.0, 2.0 }, new[] { 3.0, 6.0 }];
        var mean = new double[2];

        var distance = Consensus.MeanAndDistance<double>(models, mean);

        Assert.Equal([2.0, 4.0], mean);
        Assert.Equal(((1.0 + 4.0) + (1.0 + 4.0)) / 2, distance); // ‖(−1, −2)‖² and ‖(1, 2)‖², averaged
    }

    [Fact]
    public void MeanAndDistance_IdenticalFloatModels_AreTheirOwnMeanAtDistanceZero()
    {
        // 0.1f summed six times in float and divided by 6 is not 0.1f; in double it is.
        var model = new[] { 0.1f, -3.7f, 1e-7f };
        var models = Enumerable.Repeat((ReadOnlyMemory<float>)model, 6).ToArray();
        var mean = new double[3];

        var distance = Consensus.MeanAndDistance<float>(models, mean);

        Assert.Equal(model, mean.Select(m => (float)m));
        Assert.Equal(0.0, distance);
    }

    [Fact]
    public void MeanAndDistance_NoModelsOrOtherLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => Consensus.MeanAndDistance<double>([], new double[1]));
        Assert.Throws<ArgumentException>(() => Consensus.MeanAndDistance<double>([new double[2]], new double[3]));
    }
}
