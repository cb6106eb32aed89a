using Microsoft.AspNetCore.Mvc.Rendering;

namespace MissionPortal.Web.Features.Users;

public sealed class UserListItemViewModel
{
    public required string Id { get; init; }

    public required string Email { get; init; }

    public required string DisplayName { get; init; }

    public string? Organization { get; init; }

    public IReadOnlyList<string> Roles { get; set; } = [];

    public bool IsLocked { get; init; }

    /// <summary>Goes back with the lock and unlock buttons, so a click on an out-of-date page is refused.</summary>
    public string? ConcurrencyStamp { get; init; }
}

public sealed class UserFormViewModel<TInput>
    where TInput : UserInput
{
    public string? Id { get; init; }

    public string? Email { get; init; }

    public required TInput Input { get; init; }

    public IReadOnlyList<SelectListItem> Organizations { get; init; } = [];
}
