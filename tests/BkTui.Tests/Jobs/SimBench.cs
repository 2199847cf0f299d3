using BkTui.Core.Chips;
using BkTui.Core.Flashing;
using BkTui.Core.Formats.Rf;
using BkTui.Core.Formats.Synthesis;
using BkTui.Core.Jobs;
using BkTui.Simulator;

namespace BkTui.Tests.Jobs;

/// <summary>Several virtual chips on real ptys, a real archive, and a JobQueue with the real connector.</summary>
internal sealed class SimBench : IDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly List<SimHost> _sims = [];

    public JobTestArchive Store { get; } = new();
    public string Dir => Store.Root;

    public static MacAddress MacFor(byte n) => new(0xC8, 0x47, 0x8C, 0x10, 0x20, n);

    public static byte[] Image(ChipFamily family, byte n) =>
        FlashImageBuilder.Build(new FlashImageSpec { Family = family, Mac = MacFor(n), Seed = n });

    /// <summary>Starts a virtual chip serving <paramref name="image"/> (default: a realistic image with MAC …:n).</summary>
    public SimHost Add(ChipFamily family, byte n, byte[]? image = null, string? faults = null, bool wireModel = false, bool logOnTx2 = false,
        string cable = "good", Action<string>? trace = null, string? vendorMac = null)
    {
        var sim = SimHost.Start(new SimOptions
        {
            Family = family, Image = image ?? Image(family, n), WireModel = wireModel, Faults = FaultPlan.Parse(faults), LogOnTx2 = logOnTx2,
            Cable = CableModel.Parse(cable), Trace = trace, VendorMac = vendorMac,
        });
        _sims.Add(sim);
        return sim;
    }

    public JobQueue Queue() => new(new SerialJobConnector(new ConnectOptions { LinkTimeout = TimeSpan.FromSeconds(15) }), Store.Archive,
        new JobQueueOptions { RetryBackoff = TimeSpan.FromMilliseconds(50), ProgressInterval = TimeSpan.FromMilliseconds(50) });

    public static JobSnapshot Finish(JobQueue q, JobSnapshot job)
    {
        var t = q.WhenFinished(job.Id);
        Assert.True(t.Wait(Wait), $"job {job.Id} ({job.Recipe.Name()} on {job.Port}) did not finish");
        return t.Result;
    }

    public static JobSnapshot Run(JobQueue q, JobRequest r) => Finish(q, q.Enqueue(r));

    public string File(string name, byte[] data)
    {
        var p = Path.Combine(Dir, name);
        System.IO.File.WriteAllBytes(p, data);
        return p;
    }

    /// <summary>Every 64 KiB block of [start, start+after.Length) on the chip is wholly the old or wholly the new content.</summary>
    public static void AssertNoHalfWrittenBlock(byte[] before, byte[] chip, uint start, byte[] after)
    {
        for (var a = start; a < start + after.Length; a = (a & ~0xFFFFu) + 0x10000)
        {
            var end = Math.Min((a & ~0xFFFFu) + 0x10000, start + (uint)after.Length);
            var now = chip.AsSpan((int)a, (int)(end - a));
            Assert.True(now.SequenceEqual(before.AsSpan((int)a, (int)(end - a))) || now.SequenceEqual(after.AsSpan((int)(a - start), (int)(end - a))),
                $"block at 0x{a:X6} is half-written");
        }
    }

    public void Dispose()
    {
        foreach (var s in _sims) s.Dispose();
        Store.Dispose();
    }
}
