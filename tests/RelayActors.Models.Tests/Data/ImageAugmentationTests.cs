using RelayActors.Models.Data;

namespace RelayActors.Models.Tests.Data;

public sealed class ImageAugmentationTests
{
    private static readonly ImageShape Square = new(1, 3, 3);
    private static readonly float[] Digits = [1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Fact]
    public void Crop_ShiftDownOneRow_ZeroPadsTheBottom()
    {
        var result = new float[9];

        ImageAugmentation.Crop(Digits, result, Square, dy: 1, dx: 0, mirror: false);

        Assert.Equal(new float[] { 4, 5, 6, 7, 8, 9, 0, 0, 0 }, result);
    }

    [Fact]
    public void Crop_NegativeShiftBothAxes_ZeroPadsTopAndLeft()
    {
        var result = new float[9];

        ImageAugmentation.Crop(Digits, result, Square, dy: -1, dx: -2, mirror: false);

        Assert.Equal(new float[] { 0, 0, 0, 0, 0, 1, 0, 0, 4 }, result);
    }

    [Fact]
    public void Crop_MirrorWithoutShift_ReversesEveryRow()
    {
        var result = new float[9];

        ImageAugmentation.Crop(Digits, result, Square, dy: 0, dx: 0, mirror: true);

        Assert.Equal(new float[] { 3, 2, 1, 6, 5, 4, 9, 8, 7 }, result);
    }

    [Fact]
    public void Crop_ShiftThenMirror_MatchesPaddedCropFollowedByFlip()
    {
        // Padded crop at (P + dy, P + dx) = shift by (0, 1): [2 3 0 / 5 6 0 / 8 9 0]; its flip: [0 3 2 / 0 6 5 / 0 9 8].
        var result = new float[9];

        ImageAugmentation.Crop(Digits, result, Square, dy: 0, dx: 1, mirror: true);

        Assert.Equal(new float[] { 0, 3, 2, 0, 6, 5, 0, 9, 8 }, result);
    }

    [Fact]
    public void Crop_TwoChannels_ShiftsBothPlanesAlike()
    {
        var result = new float[8];

        ImageAugmentation.Crop([1, 2, 3, 4, 5, 6, 7, 8], result, new ImageShape(2, 2, 2), dy: 0, dx: 1, mirror: false);

        Assert.Equal(new float[] { 2, 0, 4, 0, 6, 0, 8, 0 }, result);
    }

    [Fact]
    public void Validate_PaddingAsLargeAsImage_ThrowsNamingPadding()
    {
        var error = Assert.Throws<ArgumentException>(() => new AugmentationSettings(CropPadding: 3).Validate(Square));

        Assert.Contains("Crop padding 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enabled_CropOrFlip_IsTrueOnlyWhenOneIsSet()
    {
        Assert.False(AugmentationSettings.None.Enabled);
        Assert.True(new AugmentationSettings(HorizontalFlip: true).Enabled);
        Assert.True(new AugmentationSettings(CropPadding: 4).Enabled);
    }
}
