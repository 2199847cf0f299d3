switch (args.FirstOrDefault())
{
    case "serial": return BkTui.Benchmarks.SerialBench.Run();
    default:
        Console.WriteLine("benchmarks: pass a name (serial)");
        return 2;
}
