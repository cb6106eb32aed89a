namespace MissionPortal.Web.Features.Account;

public sealed class LoginViewModel
{
    public required Login.Input Input { get; init; }

    /// <summary>The demo accounts, shown on the login page in demo mode only.</summary>
    public IReadOnlyList<DemoAccount> DemoAccounts { get; init; } = [];

    public string? DemoPassword { get; init; }
}

public sealed record DemoAccount(string Email, string Role);

public sealed class ManageViewModel
{
    public required string Email { get; init; }

    public required string DisplayName { get; init; }

    public ChangePassword.Input Password { get; init; } = new();

    public ChangeEmail.Input EmailChange { get; init; } = new();
}
