using BkTui.Core.Archive;

namespace BkTui.Tests.Jobs;

/// <summary>A real archive (SQLite file + blob store) in a temp folder, with a few test conveniences.</summary>
internal sealed class JobTestArchive : IDisposable
{
    public JobTestArchive()
    {
        Root = Directory.CreateTempSubdirectory("bktui-jobs-").FullName;
        Archive = DumpArchive.Open(Path.Combine(Root, "archive"));
    }

    public string Root { get; }
    public DumpArchive Archive { get; }

    /// <summary>Archives an image as if read from this MAC's chip; returns the dump id.</summary>
    public long Seed(byte[] image, string? mac) =>
        Archive.Import(image, DumpSource.FromPort("seed"), new ImportOptions { Device = new DeviceObservation { Mac = mac } }).DumpId;

    public IReadOnlyList<DumpSummary> Dumps => Archive.ListDumps();
    public byte[] Bytes(long id) => Archive.ReadDumpBytes(id);
    public ArchivedJobState StateOf(long jobId) => Archive.Jobs.Get(jobId)!.State;
    public IReadOnlyList<string> Log(long jobId) => Archive.Jobs.ReadLog(jobId).Select(l => l.Line).ToList();

    public void Dispose()
    {
        Archive.Dispose();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
