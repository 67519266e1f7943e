using RelayActors.Models.Numerics;
using RelayActors.Tests.Shared;

namespace RelayActors.Models.Tests.Numerics;

// Checked against a double-accumulating reference with a relative tolerance of 1e-5·√k on the scale Σ|α·a·b| + |β·c|
// of each element (float round-off grows like √k·2⁻²⁴ for random signs). Row-stride padding in A and B holds NaN, so
// reading outside a matrix shows up; padding in C holds a sentinel that must survive.
public sealed class GemmTests
{
    private const float Sentinel = 12345f;

    public static TheoryData<int, int, int, bool, bool> ShapesAndTransposes()
    {
        var data = new TheoryData<int, int, int, bool, bool>();
        int[][] shapes = [[1, 1, 1], [7, 13, 5], [17, 33, 65], [100, 1, 300], [1, 100, 300], [6, 784, 25], [300, 257, 513]];
        foreach (var shape in shapes)
        {
            foreach (var transposeA in new[] { false, true })
            {
                foreach (var transposeB in new[] { false, true })
                    data.Add(shape[0], shape[1], shape[2], transposeA, transposeB);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ShapesAndTransposes))]
    public void Multiply_AnyShapeAndTranspose_MatchesReference(int m, int n, int k, bool transposeA, bool transposeB)
    {
        var product = new Product(m, n, k, transposeA, transposeB, padding: 0, seed: m + n + k);
        product.Run(alpha: 1f, beta: 0f);
        product.AssertMatchesReference();
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Multiply_StridesWiderThanRows_ReadsAndWritesOnlyTheMatrices(bool transposeA, bool transposeB)
    {
        var product = new Product(37, 45, 29, transposeA, transposeB, padding: 3, seed: 5);
        product.Run(alpha: 1f, beta: 0f);
        product.AssertMatchesReference();
    }

    [Theory]
    [InlineData(1f, 1f)]
    [InlineData(-2f, 0.5f)]
    [InlineData(0.25f, -1f)]
    [InlineData(0f, 3f)]
    public void Multiply_AlphaAndBeta_ScaleProductAndAccumulate(float alpha, float beta)
    {
        var product = new Product(23, 40, 300, transposeA: false, transposeB: true, padding: 1, seed: 11);
        product.Run(alpha, beta);
        product.AssertMatchesReference();
    }

    [Fact]
    public void Multiply_BetaZero_OverwritesNaNInC()
    {
        var product = new Product(13, 19, 7, transposeA: false, transposeB: false, padding: 0, seed: 3);
        product.FillC(float.NaN);
        product.Run(alpha: 1.5f, beta: 0f);
        product.AssertMatchesReference();
    }

    [Fact]
    public void Multiply_DepthZero_ScalesC()
    {
        var product = new Product(5, 9, 0, transposeA: false, transposeB: false, padding: 2, seed: 4);
        product.Run(alpha: 1f, beta: 2f);
        product.AssertMatchesReference();
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Multiply_PortableKernel_MatchesReference(bool transposeA, bool transposeB)
    {
        var product = new Product(41, 35, 270, transposeA, transposeB, padding: 1, seed: 8);
        product.Run(alpha: 0.5f, beta: 1f, accelerated: false);
        product.AssertMatchesReference();
    }

    // Rows split (m ≥ n) and columns split (n > m); both leave every element's arithmetic unchanged, so exact.
    [Theory]
    [InlineData(300, 257, 513, false, true)]
    [InlineData(20, 2000, 100, true, false)]
    public void Multiply_SeveralThreads_BitIdenticalToOneThread(int m, int n, int k, bool transposeA, bool transposeB)
    {
        var single = new Product(m, n, k, transposeA, transposeB, padding: 0, seed: 21);
        var parallel = new Product(m, n, k, transposeA, transposeB, padding: 0, seed: 21);
        single.Run(alpha: 1f, beta: 0.5f);
        parallel.Run(alpha: 1f, beta: 0.5f, maxThreads: 4);
        Assert.Equal(single.C, parallel.C);
    }

    [Fact]
    public void Multiply_WarmedUpSingleThread_AllocatesNothing()
    {
        var product = new Product(300, 257, 513, transposeA: false, transposeB: false, padding: 0, seed: 2);
        product.Run(alpha: 1f, beta: 0f);
        Assert.Equal(0, SteadyAllocation.BytesPerBatch(() => product.MultiplyIntoC(alpha: 1f, beta: 1f)));
    }

    [Fact]
    public void Multiply_NegativeSize_ThrowsNamingIt()
    {
        var matrix = new float[4];
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Multiply(false, false, 2, -1, 2, 1f, matrix, 2, matrix, 2, 0f, matrix, 2));
        Assert.Equal("n", error.ParamName);
    }

    [Theory]
    [InlineData(3, 4, 4, "a")]
    [InlineData(4, 3, 4, "b")]
    [InlineData(4, 4, 3, "c")]
    public void Multiply_SpanTooShort_ThrowsNamingIt(int aLength, int bLength, int cLength, string name)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Gemm.Multiply(false, false, 2, 2, 2, 1f, new float[aLength], 2, new float[bLength], 2, 0f, new float[cLength], 2));
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void Multiply_StrideShorterThanRow_ThrowsNamingIt()
    {
        var matrix = new float[16];
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Multiply(true, false, 2, 2, 3, 1f, matrix, 1, matrix, 2, 0f, matrix, 2));
        Assert.Equal("lda", error.ParamName);
    }

    /// <summary>Random operands stored with row-stride padding, the C before the call, and the reference.</summary>
    private sealed class Product
    {
        private readonly int _m, _n, _k, _lda, _ldb, _ldc;
        private readonly bool _transposeA, _transposeB;
        private readonly float[] _a, _b, _initialC;
        private float _alpha, _beta;

        public Product(int m, int n, int k, bool transposeA, bool transposeB, int padding, int seed)
        {
            (_m, _n, _k, _transposeA, _transposeB) = (m, n, k, transposeA, transposeB);
            var random = new Random(seed);
            _lda = (transposeA ? m : k) + padding;
            _ldb = (transposeB ? k : n) + padding;
            _ldc = n + padding;
            _a = Matrix(random, transposeA ? k : m, transposeA ? m : k, _lda, float.NaN);
            _b = Matrix(random, transposeB ? n : k, transposeB ? k : n, _ldb, float.NaN);
            _initialC = Matrix(random, m, n, _ldc, Sentinel);
            C = (float[])_initialC.Clone();
        }

        public float[] C { get; private set; }

        public void FillC(float value)
        {
            for (var i = 0; i < _m; i++)
            {
                Array.Fill(_initialC, value, i * _ldc, _n);
                Array.Fill(C, value, i * _ldc, _n);
            }
        }

        public void Run(float alpha, float beta, int maxThreads = 1, bool accelerated = true)
        {
            C = (float[])_initialC.Clone();
            MultiplyIntoC(alpha, beta, maxThreads, accelerated);
        }

        /// <summary>Multiplies onto the current C without copying anything (the allocation check measures only this).</summary>
        public void MultiplyIntoC(float alpha, float beta, int maxThreads = 1, bool accelerated = true)
        {
            (_alpha, _beta) = (alpha, beta);
            Gemm.Multiply(_transposeA, _transposeB, _m, _n, _k, alpha, _a, _lda, _b, _ldb, beta, C, _ldc, maxThreads,
                accelerated && GemmKernel.IsAccelerated);
        }

        public void AssertMatchesReference()
        {
            for (var i = 0; i < _m; i++)
            {
                for (var j = 0; j < _ldc; j++)
                {
                    var actual = C[(i * _ldc) + j];
                    if (j >= _n)
                    {
                        Assert.Equal(Sentinel, actual);
                        continue;
                    }
                    double sum = 0, scale = 0;
                    for (var p = 0; p < _k; p++)
                    {
                        double x = _transposeA ? _a[(p * _lda) + i] : _a[(i * _lda) + p];
                        double y = _transposeB ? _b[(j * _ldb) + p] : _b[(p * _ldb) + j];
                        sum += x * y;
                        scale += Math.Abs(x * y);
                    }
                    var before = (double)_initialC[(i * _ldc) + j];
                    var expected = (_alpha * sum) + (_beta == 0 ? 0 : _beta * before);
                    var tolerance = (1e-5 * Math.Sqrt(Math.Max(1, _k)) * ((Math.Abs(_alpha) * scale) + (_beta == 0 ? 0 : Math.Abs(_beta * before)))) + 1e-30;
                    Assert.True(Math.Abs(actual - expected) <= tolerance,
                        $"C[{i},{j}] = {actual}, expected {expected} ± {tolerance} ({_m}×{_n}×{_k}, transposeA {_transposeA}, transposeB {_transposeB})");
                }
            }
        }

        private static float[] Matrix(Random random, int rows, int columns, int stride, float padding)
        {
            var values = new float[Math.Max(1, rows * stride)];
            Array.Fill(values, padding);
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < columns; j++)
                    values[(i * stride) + j] = (float)((random.NextDouble() * 2) - 1);
            }
            return values;
        }
    }
}
