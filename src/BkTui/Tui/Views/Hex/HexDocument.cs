using BkTui.Core.Formats;
using BkTui.Core.Formats.Analysis;
using BkTui.Core.Formats.Obk;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.ViewModels;

namespace BkTui.Tui.Views.Hex;

/// <summary>
/// What the hex viewer shows: the bytes (read a visible row at a time, never held as text) and the
/// dump's own partition map, each partition with a letter so the margin reads without colour.
/// </summary>
public sealed class HexDocument : IDisposable
{
    public HexDocument(IByteSource source, PartitionMapView? map = null)
    {
        Source = source;
        Map = map ?? new PartitionMapView(source.Length, []);
        // Only sectors starting with the config magic are read whole: microseconds for a 4 MiB dump.
        Secrets = ObkSecretRanges.Find(source.Length, (offset, buffer) => source.Read(offset, buffer));
    }

    /// <summary>Where the dump holds secrets (the OpenBeken config's passwords): masked unless the user reveals them.</summary>
    public IReadOnlyList<SecretRange> Secrets { get; }

    public bool IsSecret(long offset)
    {
        foreach (var r in Secrets)
            if (r.Contains(offset)) return true;
        return false;
    }

    /// <summary>True when [start, start+length) touches a secret byte.</summary>
    public bool TouchesSecret(long start, int length) => Secrets.Any(r => start < r.Start + r.Length && r.Start < start + length);

    public IByteSource Source { get; }
    /// <summary>The partitions; empty until the analysis of an opened file arrives (<see cref="HexDumpView.ShowMap"/>).</summary>
    public PartitionMapView Map { get; internal set; }
    public string Name => Source.Name;
    public long Length => Source.Length;

    /// <summary>A document over bytes in memory, with the partitions <paramref name="report"/> found (analysed here when null).</summary>
    public static HexDocument FromBytes(string name, byte[] bytes, DumpReport? report = null) =>
        new(new MemoryByteSource(name, bytes), PartitionMapView.From(report ?? DumpAnalyzer.Analyze(bytes)));

    /// <summary>Opens a file mapped (only shown pages are read), without a partition map yet. Throws FileNotFoundException/IOException naming the path.</summary>
    public static HexDocument Open(string path) => new(MappedFileSource.Open(path));

    /// <summary>The partition map of the dump in <paramref name="path"/> (its own analysis; tens of ms for 4 MiB, so off the UI thread).</summary>
    public static PartitionMapView Analyse(string path) => PartitionMapView.From(DumpAnalyzer.Analyze(File.ReadAllBytes(path)));

    /// <summary>The innermost partition holding <paramref name="offset"/> (partitions may nest), or null.</summary>
    public PartitionMapRow? PartitionAt(long offset)
    {
        PartitionMapRow? best = null;
        foreach (var p in Map.Rows)
            if (offset >= p.Start && offset < p.Start + p.Size && (best is null || p.Size < best.Size)) best = p;
        return best;
    }

    /// <summary>A partition that starts inside [start, start+count), or null.</summary>
    public PartitionMapRow? PartitionStartingIn(long start, int count)
    {
        foreach (var p in Map.Rows)
            if (p.Start >= start && p.Start < start + count) return p;
        return null;
    }

    public void Dispose() => Source.Dispose();
}
