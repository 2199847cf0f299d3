switch (args.FirstOrDefault())
{
    case "serial": return BkTui.Benchmarks.SerialBench.Run();
    case "archive": return BkTui.Benchmarks.ArchiveBench.Run();
    case "firmware": return BkTui.Benchmarks.FirmwareBench.Run();
    case "wire": return BkTui.Benchmarks.WireBench.Run();
    default:
        Console.WriteLine("benchmarks: pass a name (serial, archive, firmware, wire)");
        return 2;
}
