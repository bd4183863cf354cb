using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CxFeed.Benchmarks;

/// <summary>Megabytes (10^6 bytes of UTF-8 input) processed per second, from the median time of one pass over the corpus.</summary>
public sealed class ThroughputColumn(string name, Func<long> bytesPerOperation) : IColumn
{
    public string Id => nameof(ThroughputColumn) + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "MB (10^6 bytes) of input HTML per second, from the median";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } statistics)
            return "-";
        var seconds = statistics.Median / 1e9;
        return (bytesPerOperation() / 1e6 / seconds).ToString("0.0", CultureInfo.InvariantCulture);
    }
}
