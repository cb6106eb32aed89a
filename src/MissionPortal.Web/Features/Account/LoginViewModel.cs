namespace MissionPortal.Web.Features.Account;

public sealed class LoginViewModel
{
    public required LoginInput Input { get; init; }

    /// <summary>The demo accounts, shown on the login page in demo mode only.</summary>
    public IReadOnlyList<DemoAccount> DemoAccounts { get; init; } = [];

    public string? DemoPassword { get; init; }
}

public sealed record DemoAccount(string Email, string Role);
