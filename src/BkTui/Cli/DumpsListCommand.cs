using System.CommandLine;
using BkTui.Core.Archive;
using BkTui.Core.Identity;

namespace BkTui.Cli;

/// <summary><c>dumps list [--mac M]</c> and <c>dumps devices</c>.</summary>
internal static class DumpsListCommand
{
    public static Command CreateList()
    {
        var archive = DumpsCommand.ArchiveOption();
        var json = DumpsCommand.JsonOption();
        var mac = new Option<string?>("--mac") { Description = "Only this device's dumps: its MAC (AA:BB:CC:DD:EE:FF) or identity key (tuya:…, see `dumps devices`)." };
        var limit = new Option<int>("--limit") { Description = "At most this many (newest first).", DefaultValueFactory = _ => 1000 };
        var cmd = new Command("list", "List archived dumps, newest first.");
        cmd.Options.Add(archive);
        cmd.Options.Add(json);
        cmd.Options.Add(mac);
        cmd.Options.Add(limit);
        cmd.SetAction(pr => DumpsCommand.WithArchive(pr.GetValue(archive), a =>
        {
            var dumps = a.ListDumps(pr.GetValue(mac), Math.Max(1, pr.GetValue(limit)));
            if (pr.GetValue(json)) CliJson.Write(dumps);
            else if (dumps.Count == 0) Console.Out.WriteLine($"No dumps in {a.Root}{(pr.GetValue(mac) is { } m ? $" for {m}" : "")}. Import some with `bktui dumps import PATH`.");
            else
                DumpsCommand.Table(["ID", "TAKEN", "DEVICE", "CHIP", "GRADE", "SIZE", "LABEL", "SOURCE"],
                    dumps.Select(d => (IReadOnlyList<string>)[$"{d.Id}", DumpsCommand.Ago(d.TakenAt), d.Device,
                        DumpsCommand.Or(d.Chip), DumpsCommand.Or(d.Grade), DumpsCommand.Size(d.Size), DumpsCommand.Or(d.Label), d.Source.ToString()]));
            return ExitCodes.Ok;
        }, readOnly: true));
        return cmd;
    }

    public static Command CreateDevices()
    {
        var archive = DumpsCommand.ArchiveOption();
        var json = DumpsCommand.JsonOption();
        var cmd = new Command("devices", "One row per device (by its MAC or other identity evidence, never a placeholder MAC): chip, key verdict, dumps, last seen, baud per adapter.");
        cmd.Options.Add(archive);
        cmd.Options.Add(json);
        cmd.SetAction(pr => DumpsCommand.WithArchive(pr.GetValue(archive), a =>
        {
            var devices = a.ListDevices();
            if (pr.GetValue(json)) CliJson.Write(devices);
            else if (devices.Count == 0) Console.Out.WriteLine($"No devices in {a.Root} yet.");
            else
                DumpsCommand.Table(["DEVICE", "EVIDENCE", "CHIP", "KEY", "DUMPS", "LATEST", "LAST SEEN", "BAUD", "LABELS"],
                    devices.Select(d => (IReadOnlyList<string>)[d.Name, d.Keys.Count == 0 ? "-" : string.Join(", ", d.Keys.Select(k => DeviceKey.EvidenceName(k.Evidence)).Distinct()),
                        DumpsCommand.Or(d.Chip), DumpsCommand.Or(d.KeyVerdict),
                        $"{d.DumpCount}", d.LatestDumpId is { } id ? $"#{id}" : "-", DumpsCommand.Ago(d.LastSeen),
                        d.BaudByAdapter.Count == 0 ? "-" : string.Join(", ", d.BaudByAdapter.Select(kv => $"{kv.Key}@{kv.Value}")),
                        d.IsUnidentified ? "-" : DumpsCommand.Or(string.Join(", ", d.Labels))]));
            return ExitCodes.Ok;
        }, readOnly: true));
        return cmd;
    }
}
