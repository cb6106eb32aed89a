using System.Reflection;
using MissionPortal.Core.Data;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.UnitTests.Architecture;

/// <summary>
/// Controllers only speak HTTP, features share only through Shared, the infrastructure names no feature and the domain
/// knows nothing of the web. What still breaks a rule is listed by name below; each list only shrinks: a name that no
/// longer breaks its rule fails the test until it is taken off.
/// </summary>
public class ArchitectureTests
{
    private const int ControllerLines = 300;

    private static readonly Assembly Web = typeof(Flash).Assembly;
    private static readonly Assembly Core = typeof(PortalDbContext).Assembly;
    private static readonly Assembly Planted = typeof(ArchitectureTests).Assembly;

    private static readonly string[] ControllersStillSaving =
    [
    ];

    private static readonly string[] LongControllersStill =
    [
    ];

    private static readonly string[] FeatureImportsStill =
    [
    ];

    private static readonly string[] RoleChecksStill =
    [
        "MissionPortal.Web.Features.Shared.CompanyAccess",
    ];

    private static readonly string[] InlineVersionsStill =
    [
    ];

    [Fact]
    public void No_controller_saves()
        => Holds(ArchitectureRules.ControllersThatSave(Web), ControllersStillSaving, "a controller saves");

    [Fact]
    public void No_controller_file_is_longer_than_300_lines()
        => Holds(ArchitectureRules.LongControllerFiles(FeaturesFolder(), ControllerLines), LongControllersStill, $"a controller file is over {ControllerLines} lines");

    [Fact]
    public void Features_share_only_through_Shared()
        => Holds(ArchitectureRules.FeatureImports(Web, ArchitectureRules.FeatureNames(Web)), FeatureImportsStill, "a feature uses another");

    [Fact]
    public void Infrastructure_names_no_feature()
        => Assert.Empty(ArchitectureRules.Uses(Web, ArchitectureRules.Infrastructure, ArchitectureRules.Features));

    [Fact]
    public void The_domain_knows_nothing_of_the_web()
        => Assert.Empty(ArchitectureRules.Uses(Core, "MissionPortal.Core", "MissionPortal.Web"));

    [Fact]
    public void Messages_after_a_redirect_go_through_Flash()
        => Assert.Empty(ArchitectureRules.TempDataOutsideFlash(Web, typeof(Flash).FullName!));

    [Fact]
    public void Features_ask_policies_not_roles()
        => Holds(ArchitectureRules.RoleChecksInFeatures(Web), RoleChecksStill, "a feature asks for a role by name");

    [Fact]
    public void Versions_are_expected_only_through_the_concurrency_helper()
        => Holds(ArchitectureRules.VersionsOutside(Web, typeof(Concurrency).FullName!), InlineVersionsStill, "a version is set by hand");

    [Fact]
    public void Every_rule_finds_its_planted_violation()
    {
        const string controller = "MissionPortal.Web.Features.PlantedFeature.PlantedController";
        Assert.Contains(controller, ArchitectureRules.ControllersThatSave(Planted));
        Assert.Contains(controller, ArchitectureRules.TempDataOutsideFlash(Planted, typeof(Flash).FullName!));
        Assert.Contains(controller, ArchitectureRules.RoleChecksInFeatures(Planted));
        Assert.Contains(controller, ArchitectureRules.VersionsOutside(Planted, typeof(Concurrency).FullName!));
        Assert.Contains("PlantedFeature -> Programme", ArchitectureRules.FeatureImports(Planted, [.. ArchitectureRules.FeatureNames(Web), "PlantedFeature"]));
        Assert.Contains("MissionPortal.Web.Infrastructure.PlantedInfrastructure.PlantedInfrastructure", ArchitectureRules.Uses(Planted, ArchitectureRules.Infrastructure, ArchitectureRules.Features));
        Assert.Contains("MissionPortal.Core.PlantedCore.PlantedCore", ArchitectureRules.Uses(Planted, "MissionPortal.Core", "MissionPortal.Web"));

        var folder = Directory.CreateTempSubdirectory("planted-controllers");
        try
        {
            File.WriteAllLines(Path.Combine(folder.FullName, "ShortController.cs"), Enumerable.Repeat("//", ControllerLines));
            File.WriteAllLines(Path.Combine(folder.FullName, "LongController.cs"), Enumerable.Repeat("//", ControllerLines + 1));
            Assert.Equal(["LongController.cs"], ArchitectureRules.LongControllerFiles(folder.FullName, ControllerLines));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void Holds(IReadOnlyList<string> found, string[] still, string rule)
    {
        var fresh = found.Except(still).ToList();
        var mended = still.Except(found).ToList();
        Assert.True(fresh.Count == 0, $"Breaks the rule ({rule}):\n" + string.Join("\n", fresh));
        Assert.True(mended.Count == 0, $"No longer breaks the rule ({rule}); take it off the list:\n" + string.Join("\n", mended));
    }

    private static string FeaturesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MissionPortal.sln")))
            {
                return Path.Combine(dir.FullName, "src", "MissionPortal.Web", "Features");
            }
        }

        throw new DirectoryNotFoundException("MissionPortal.sln is not above " + AppContext.BaseDirectory);
    }
}
