namespace MissionPortal.Web.Features.PasswordRecovery;

/// <summary>The page a reset link opens.</summary>
public sealed class ResetPasswordViewModel
{
    public required ResetPassword.Input Input { get; init; }

    public required string Email { get; init; }
}
