using RelayActors.Models.Data;
using RelayActors.Models.Networks;

namespace RelayActors.Models.Tests.Networks;

public sealed class NetworkTests
{
    private static readonly ImageShape Mnist = new(1, 28, 28);

    [Theory]
    // Logistic regression: 784·10 + 10.
    [InlineData(ModelKind.LogisticRegression, 7_850)]
    // MLP: (784·256 + 256) + (256·128 + 128) + (128·10 + 10) = 200,960 + 32,896 + 1,290.
    [InlineData(ModelKind.Mlp, 235_146)]
    // LeNet: conv1 1·25·6 + 6 = 156; conv2 6·25·16 + 16 = 2,416; fc1 400·120 + 120 = 48,120; fc2 120·84 + 84 = 10,164;
    // fc3 84·10 + 10 = 850.
    [InlineData(ModelKind.LeNet, 61_706)]
    // VggSmall: conv 1·9·32 + 32 = 320; 32·9·64 + 64 = 18,496; 64·9·128 + 128 = 73,856; 128·9·128 + 128 = 147,584;
    // fc1 (128·3·3)·256 + 256 = 295,168; fc2 256·10 + 10 = 2,570.
    [InlineData(ModelKind.VggSmall, 537_994)]
    public void ParameterCount_Mnist_MatchesHandCount(ModelKind kind, int expected)
    {
        var network = Network.Create(kind, Mnist, 10);
        Assert.Equal(expected, network.ParameterCount);
        Assert.Equal(expected, network.Layout.Count);
    }

    [Fact]
    public void ParameterCount_LeNetOnCifar_UsesSixBySixFeatureMaps()
    {
        // 3×32×32: conv1 3·25·6 + 6 = 456; conv2 2,416; 32 → 16 → 12 → 6, fc1 576·120 + 120 = 69,240; 10,164; 850.
        Assert.Equal(83_126, Network.Create(ModelKind.LeNet, new ImageShape(3, 32, 32), 10).ParameterCount);
    }

    [Fact]
    public void Layout_LeNet_TilesTheBufferInLayerOrder()
    {
        var layout = Network.Create(ModelKind.LeNet, Mnist, 10).Layout;
        string[] names = ["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"];
        Assert.Equal(names, layout.Slices.Select(s => s.Name));
        Assert.Equal([6, 1, 5, 5], layout["conv1.weight"].Shape);
        Assert.Equal(150, layout["conv1.bias"].Offset);
        Assert.Equal([120, 400], layout["fc1.weight"].Shape);
        var end = 0;
        foreach (var slice in layout.Slices)
        {
            Assert.Equal(end, slice.Offset);
            end += slice.Length;
        }
        Assert.Equal(layout.Count, end);
    }

    [Fact]
    public void LayoutIndexer_UnknownName_ThrowsListingNames()
    {
        var layout = Network.Create(ModelKind.LogisticRegression, Mnist, 10).Layout;
        var error = Assert.Throws<KeyNotFoundException>(() => layout["conv1.weight"]);
        Assert.Contains("fc1.weight", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ModelKind.LeNet, 11)]
    [InlineData(ModelKind.VggSmall, 7)]
    public void Create_InputTooSmall_ThrowsArgumentExceptionNamingModelAndLayer(ModelKind kind, int size)
    {
        var error = Assert.Throws<ArgumentException>(() => Network.Create(kind, new ImageShape(1, size, size), 10));
        Assert.Contains(kind.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("pool", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ModelKind.LeNet, 12)]
    [InlineData(ModelKind.VggSmall, 8)]
    public void Create_SmallestSupportedInput_Works(ModelKind kind, int size)
    {
        Assert.True(Network.Create(kind, new ImageShape(1, size, size), 10).ParameterCount > 0);
    }

    [Fact]
    public void Initialize_SameSeed_IsDeterministic_AndSeedsDiffer()
    {
        var network = Network.Create(ModelKind.LeNet, Mnist, 10);
        var (first, second, other) = (new float[network.ParameterCount], new float[network.ParameterCount], new float[network.ParameterCount]);
        network.Initialize(first, 7);
        network.Initialize(second, 7);
        network.Initialize(other, 8);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Initialize_LeNet_FollowsEachLayersRule()
    {
        var network = Network.Create(ModelKind.LeNet, Mnist, 10);
        var parameters = new float[network.ParameterCount];
        network.Initialize(parameters, 1);
        var layout = network.Layout;
        Assert.All(layout["conv2.bias"].Of((ReadOnlySpan<float>)parameters).ToArray(), b => Assert.Equal(0f, b));
        var bound = 1 / Math.Sqrt(400);
        Assert.All(layout["fc1.weight"].Of((ReadOnlySpan<float>)parameters).ToArray(), w => Assert.InRange(w, -bound, bound));
        Assert.All(layout["fc1.bias"].Of((ReadOnlySpan<float>)parameters).ToArray(), b => Assert.InRange(b, -bound, bound));
        Assert.Contains(layout["fc1.bias"].Of((ReadOnlySpan<float>)parameters).ToArray(), b => b != 0);
    }

    [Fact]
    public void Describe_VggSmall_ListsEveryLayerAndTheTotal()
    {
        var text = Network.Create(ModelKind.VggSmall, Mnist, 10).Describe();
        foreach (var name in new[] { "conv4", "pool3", "dropout2", "fc2", "128×3×3", "537,994" })
            Assert.Contains(name, text, StringComparison.Ordinal);
    }
}
