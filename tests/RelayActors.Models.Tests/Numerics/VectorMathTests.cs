using RelayActors.Models.Numerics;
using RelayActors.Tests.Shared;

namespace RelayActors.Models.Tests.Numerics;

// Inputs are small integers and halves, so every expected value is exact in float and compared with Equal.
public sealed class VectorMathTests
{
    private static readonly float[] X = [1f, -2f, 3.5f, 0f, 8f];
    private static readonly float[] Y = [4f, 0.5f, -1f, 2f, -8f];

    [Fact]
    public void Add_TwoVectors_WritesElementwiseSum()
    {
        var destination = new float[5];
        VectorMath.Add(X, Y, destination);
        Assert.Equal([5f, -1.5f, 2.5f, 2f, 0f], destination);
    }

    [Fact]
    public void Add_DestinationIsFirstInput_UpdatesInPlace()
    {
        float[] x = [.. X];
        VectorMath.Add(x, Y, x);
        Assert.Equal([5f, -1.5f, 2.5f, 2f, 0f], x);
    }

    [Fact]
    public void Subtract_TwoVectors_WritesElementwiseDifference()
    {
        var destination = new float[5];
        VectorMath.Subtract(X, Y, destination);
        Assert.Equal([-3f, -2.5f, 4.5f, -2f, 16f], destination);
    }

    [Fact]
    public void Scale_ByFactor_MultipliesEveryElement()
    {
        var destination = new float[5];
        VectorMath.Scale(X, -0.5f, destination);
        Assert.Equal([-0.5f, 1f, -1.75f, -0f, -4f], destination);
    }

    [Fact]
    public void Divide_ByScalar_IsCorrectlyRoundedQuotient()
    {
        var destination = new float[3];
        VectorMath.Divide([5f, 1f, -7f], 3f, destination);
        Assert.Equal([5f / 3f, 1f / 3f, -7f / 3f], destination);
    }

    [Fact]
    public void Multiply_TwoVectors_WritesElementwiseProduct()
    {
        var destination = new float[5];
        VectorMath.Multiply(X, Y, destination);
        Assert.Equal([4f, -1f, -3.5f, 0f, -64f], destination);
    }

    [Fact]
    public void MultiplyAdd_InPlaceOnAddend_IsAxpy()
    {
        float[] weights = [.. Y];
        VectorMath.MultiplyAdd(X, 2f, weights, weights);
        Assert.Equal([6f, -3.5f, 6f, 2f, 8f], weights);
    }

    [Fact]
    public void Dot_TwoVectors_ReturnsSumOfProducts()
    {
        Assert.Equal(4f - 1f - 3.5f + 0f - 64f, VectorMath.Dot(X, Y));
    }

    [Fact]
    public void Sum_Vector_ReturnsTotal()
    {
        Assert.Equal(10.5f, VectorMath.Sum(X));
    }

    [Fact]
    public void MaxAbsDifference_TwoVectors_ReturnsLargestAbsoluteGap()
    {
        Assert.Equal(16f, VectorMath.MaxAbsDifference(X, Y));
    }

    [Fact]
    public void MaxAbsDifference_EmptySpans_IsZero()
    {
        Assert.Equal(0f, VectorMath.MaxAbsDifference<float>([], []));
    }

    [Theory]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(1000)]
    public void MaxAbsDifference_LongerThanOneChunk_FindsGapAnywhere(int length)
    {
        var x = new float[length];
        var y = new float[length];
        x[length - 1] = -3f;
        x[length / 2] = 2f;
        Assert.Equal(3f, VectorMath.MaxAbsDifference(x, y));
    }

    [Fact]
    public void MaxAbsDifference_NaNElement_ReturnsNaN()
    {
        Assert.True(float.IsNaN(VectorMath.MaxAbsDifference([1f, float.NaN], [1f, 0f])));
    }

    [Fact]
    public void MaxAbsDifference_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => VectorMath.MaxAbsDifference(new float[2], new float[3]));
    }

    [Fact]
    public void Add_DestinationTooShort_Throws()
    {
        Assert.Throws<ArgumentException>(() => VectorMath.Add(X, Y, new float[4]));
    }

    [Fact]
    public void Add_WarmedUp_AllocatesNothing()
    {
        var destination = new float[5];
        VectorMath.Add(X, Y, destination);
        VectorMath.MaxAbsDifference(X, Y);
        Assert.Equal(0, SteadyAllocation.BytesPerBatch(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                VectorMath.Add(X, Y, destination);
                VectorMath.MultiplyAdd(X, 0.5f, destination, destination);
                VectorMath.MaxAbsDifference(X, destination);
            }
        }));
    }

    [Fact]
    public void MultiplyAdd_Double_KeepsFloat64Precision()
    {
        double[] weights = [1e8, 1.0];
        double[] gradient = [1.0, 1e-12];

        VectorMath.MultiplyAdd<double>(gradient, -0.5, weights, weights);

        Assert.Equal(1e8 - 0.5, weights[0]);
        Assert.Equal(1.0 - 5e-13, weights[1], 15);
    }

    [Fact]
    public void MaxAbsDifference_Double_ReturnsLargestAbsoluteGap()
    {
        double[] x = [1.0, -2.0, 3.0];
        double[] y = [1.0, 2.0, 3.0 + 1e-12];

        Assert.Equal(4.0, VectorMath.MaxAbsDifference<double>(x, y));
    }

    [Fact]
    public void Add_Scalar_AddsToEveryElement()
    {
        var destination = new float[5];
        VectorMath.Add(X, 0.5f, destination);
        Assert.Equal([1.5f, -1.5f, 4f, 0.5f, 8.5f], destination);
    }

    [Fact]
    public void Divide_TwoVectors_WritesElementwiseQuotient()
    {
        var destination = new float[3];
        VectorMath.Divide<float>([1f, -3f, 7f], [4f, 2f, 3f], destination);
        Assert.Equal([0.25f, -1.5f, 7f / 3f], destination);
    }

    [Fact]
    public void Sqrt_Vector_WritesElementwiseRoot()
    {
        var destination = new double[3];
        VectorMath.Sqrt<double>([0, 2.25, 16], destination);
        Assert.Equal([0.0, 1.5, 4.0], destination);
    }
}
