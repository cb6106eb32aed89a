using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

namespace MissionPortal.UnitTests.Architecture;

/// <summary>
/// The rules of the code's shape, each a function of an assembly (or a source folder) that names what breaks it, so the
/// same rule runs on the portal and on the planted violations of this test assembly.
/// </summary>
public static class ArchitectureRules
{
    public const string Features = "MissionPortal.Web.Features";
    public const string Shared = Features + ".Shared";
    public const string Infrastructure = "MissionPortal.Web.Infrastructure";

    /// <summary>Controllers (and the async state machines inside them) that call SaveChanges or the concurrency helper that does.</summary>
    public static IReadOnlyList<string> ControllersThatSave(Assembly assembly) =>
        Controllers(assembly)
            .Where(c => Calls(c, m => m.Name is "SaveChanges" or "SaveChangesAsync" or "TrySaveAsync"))
            .Select(c => c.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Controller files longer than <paramref name="limit"/> lines, as paths relative to <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> LongControllerFiles(string folder, int limit) =>
        Directory.EnumerateFiles(folder, "*Controller.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).Count() > limit)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The feature folders: the namespaces right under Features.</summary>
    public static IReadOnlyList<string> FeatureNames(Assembly assembly) =>
        assembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(ns => ns.StartsWith(Features + ".", StringComparison.Ordinal))
            .Select(ns => ns.Split('.')[3])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>"A -> B" for each feature A with a type that uses feature B; Shared is every feature's to use.</summary>
    public static IReadOnlyList<string> FeatureImports(Assembly assembly, IReadOnlyCollection<string> features)
    {
        var types = Types.InAssembly(assembly);
        var imports = new List<string>();
        foreach (var from in features.Where(f => f != "Shared"))
        {
            foreach (var to in features.Where(f => f != from && f != "Shared"))
            {
                // Namespaces are matched as prefixes; no feature's name begins with another's.
                var result = types.That().ResideInNamespace($"{Features}.{from}")
                    .ShouldNot().HaveDependencyOn($"{Features}.{to}")
                    .GetResult();
                if (!result.IsSuccessful)
                {
                    imports.Add($"{from} -> {to}");
                }
            }
        }

        return imports;
    }

    /// <summary>Types under <paramref name="from"/> that use anything under <paramref name="to"/>.</summary>
    public static IReadOnlyList<string> Uses(Assembly assembly, string from, string to)
    {
        var result = Types.InAssembly(assembly).That().ResideInNamespace(from).ShouldNot().HaveDependencyOn(to).GetResult();
        return result.IsSuccessful ? [] : result.FailingTypeNames.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Types (views included) that take TempData and index it by a key of their own instead of going through the one
    /// flash helper. The indexer is IDictionary's, so both calls are looked for in the same type.
    /// </summary>
    public static IReadOnlyList<string> TempDataOutsideFlash(Assembly assembly, string flashType) =>
        TypesCalling(assembly, m => m.Name == "get_TempData")
            .Intersect(TypesCalling(assembly, m => m.Name is "set_Item" or "get_Item" or "TryGetValue" or "Add"
                && (m.DeclaringType.Name is "ITempDataDictionary" or "TempDataDictionary"
                    || m.DeclaringType.FullName.StartsWith("System.Collections.Generic.IDictionary`2<System.String,System.Object", StringComparison.Ordinal))))
            .Where(t => t != flashType)
            .ToList();

    /// <summary>Feature types that ask for a role by name instead of through a policy or a named rule.</summary>
    public static IReadOnlyList<string> RoleChecksInFeatures(Assembly assembly) =>
        TypesCalling(assembly, m => m.Name == "IsInRole")
            .Where(t => t.StartsWith(Features + ".", StringComparison.Ordinal))
            .ToList();

    /// <summary>Types that set an entity's original version themselves instead of through the concurrency helper.</summary>
    public static IReadOnlyList<string> VersionsOutside(Assembly assembly, string concurrencyType) =>
        TypesCalling(assembly, m => m.Name == "set_OriginalValue")
            .Where(t => t != concurrencyType)
            .ToList();

    private static IEnumerable<TypeDefinition> Controllers(Assembly assembly)
    {
        var controllers = assembly.GetTypes()
            .Where(t => typeof(Microsoft.AspNetCore.Mvc.ControllerBase).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToHashSet(StringComparer.Ordinal);
        return Module(assembly).Types.Where(t => controllers.Contains(t.FullName));
    }

    /// <summary>The top-level types whose methods (or whose nested types' methods: lambdas, async state machines) call a matching method.</summary>
    private static IEnumerable<string> TypesCalling(Assembly assembly, Func<MethodReference, bool> match) =>
        Module(assembly).Types
            .Where(t => Calls(t, match))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal);

    private static bool Calls(TypeDefinition type, Func<MethodReference, bool> match) =>
        type.Methods.Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions)
            .Any(i => i.OpCode.Code is Code.Call or Code.Callvirt or Code.Newobj && i.Operand is MethodReference called && match(called))
        || type.NestedTypes.Any(n => Calls(n, match));

    private static ModuleDefinition Module(Assembly assembly) => ModuleDefinition.ReadModule(assembly.Location);
}
