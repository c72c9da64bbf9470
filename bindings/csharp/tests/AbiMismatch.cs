// Run against a stub libsantei whose santei_abi_version() is not 1 (see scripts/test-csharp):
// loading the binding must refuse it. Exit code 0 when refused, 1 otherwise.

using System;

namespace Santei.Tests
{
    public static class AbiMismatch
    {
        public static int Main(string[] args)
        {
            try
            {
                Console.WriteLine("loaded libsantei " + Library.Version + " with ABI " + Library.AbiVersion + ": NOT refused");
                return 1;
            }
            catch (TypeInitializationException e)
            {
                Exception inner = e.InnerException;
                if (inner is InvalidOperationException && inner.Message.Contains("ABI version 2"))
                {
                    Console.WriteLine("test csharp-abi-mismatch-refused ... ok (" + inner.Message + ")");
                    try
                    {
                        Engine.FromDirectory("masters");
                        Console.WriteLine("Engine.FromDirectory worked with a mismatched ABI");
                        return 1;
                    }
                    catch (TypeInitializationException)
                    {
                        return 0;
                    }
                }
                Console.WriteLine("unexpected: " + e);
                return 1;
            }
        }
    }
}
