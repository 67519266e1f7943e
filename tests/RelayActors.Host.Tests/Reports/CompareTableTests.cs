using RelayActors.Host.Reports;

namespace RelayActors.Host.Tests.Reports;

public sealed class CompareTableTests
{
    private static CompareTable Table()
    {
        var table = new CompareTable(["α = 1", "α = 0.1"], ["alpha=1", "alpha=0.1"], "Footnote: the metric.", "F2", showStd: true);
        table.AddRow("relaysgd", "chain", "0.3", [new([87.0, 88.0, 89.0], 3), new([80.0], 3)]);
        table.AddRow("all-reduce", "fully-connected", "0.1", [new([90.0, 90.0], 2), new([], 2)]);
        return table;
    }

    [Fact]
    public void ToMarkdown_HasARowPerAlgorithmAndTopologyAndAColumnPerAlpha()
    {
        var lines = Table().ToMarkdown().Split('\n');

        Assert.Equal("| algorithm | topology | learning rate | α = 1 | α = 0.1 |", lines[0]);
        Assert.Equal("| relaysgd | chain | 0.3 | 88.00 ± 1.00 | 80.00 (1/3) |", lines[2]);
        Assert.Equal("| all-reduce | fully-connected | 0.1 | 90.00 ± 0.00 | – (0/2) |", lines[3]);
        Assert.Contains("Footnote: the metric.", lines);
    }

    [Fact]
    public void ToCsv_WritesMeanStdAndSeedCountPerColumn()
    {
        var lines = Table().ToCsv().TrimEnd().Split('\n');

        Assert.Equal("algorithm,topology,learning_rate,alpha=1 mean,alpha=1 std,alpha=1 seeds,alpha=0.1 mean,alpha=0.1 std,alpha=0.1 seeds", lines[0]);
        Assert.Equal("relaysgd,chain,0.3,88,1,3,80,,1", lines[1]);
        Assert.Equal("all-reduce,fully-connected,0.1,90,0,2,,,0", lines[2]);
    }

    [Fact]
    public void CellText_WithNote_AppendsIt()
    {
        var table = new CompareTable(["n = 6"], ["n=6"], "", "F1", showStd: true, noteName: "learning_rate");

        Assert.Equal("21.0 ± 1.4 (η 1.68)", table.CellText(new CompareTableCell([20.0, 22.0], 2, "η 1.68", 1.68)));
    }

    [Fact]
    public void AddRow_WrongCellCount_Throws()
    {
        Assert.Throws<ArgumentException>(() => Table().AddRow("d2", "ring", null, [new([1.0], 1)]));
    }
}
