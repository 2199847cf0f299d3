switch (args.FirstOrDefault())
{
    case "serial": return BkTui.Benchmarks.SerialBench.Run();
    case "archive": return BkTui.Benchmarks.ArchiveBench.Run();
    default:
        Console.WriteLine("benchmarks: pass a name (serial, archive)");
        return 2;
}
