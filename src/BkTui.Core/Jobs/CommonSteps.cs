namespace BkTui.Core.Jobs;

/// <summary>Steps shared by several recipes.</summary>
internal static class CommonSteps
{
    /// <summary>The runner links before the first step; this reports what it found.</summary>
    public static readonly JobStep Identify = new("identify", ctx =>
    {
        var f = ctx.Info;
        foreach (var advice in f.Advice) ctx.Log($"advice: {advice}");
        return $"{f.Family}, {f.FlashSize / 1024} KiB flash, MAC {f.Mac ?? "unknown"}, key {f.EfuseKey?.Verdict ?? "unread"}, {f.Baud} baud";
    });

    /// <summary>
    /// Nothing is written to a device the archive holds no verified full dump of: take one first
    /// (the seeds' "make a 2MB backup first"). Skipped when a whole dump read from this chip is archived;
    /// an imported file is not proof of what the chip holds, so it does not count.
    /// </summary>
    public static readonly JobStep FactoryDumpFirst = new("factory dump", ctx =>
    {
        ctx.RequireArchiveForWrites();
        if (ctx.LatestChipReadDump() is { } existing)
        {
            ctx.DumpId ??= existing.Id;
            return ctx.Skip($"dump {existing.Id} of {ctx.DeviceName}, read from a chip, is archived");
        }
        ctx.Log(ctx.DeviceKeys.Count == 0
            ? $"the chip is {ctx.DeviceName}: taking a full dump first (its own bytes may identify it)"
            : $"no full dump of {ctx.DeviceName} in the archive: taking one before writing");
        var image = BackupSteps.ReadWhole(ctx, differential: false); // every sector proven by the chip's CRC
        var id = ctx.ArchiveDump(image, $"factory dump before {ctx.Request.Recipe.Name()}");
        ctx.DumpId ??= id;
        return $"dump {id} archived before writing";
    });
}
