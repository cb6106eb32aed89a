using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MissionPortal.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:CollationDefinition:russian", "ru-RU,ru-RU,icu,True")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false, collation: "russian"),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "russian"),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "russian"),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true, collation: "russian")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true, collation: "russian"),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "russian"),
                    EntityType = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: false, collation: "russian"),
                    EntityId = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: false, collation: "russian"),
                    MissionId = table.Column<int>(type: "integer", nullable: true),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false, collation: "russian")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true, collation: "russian"),
                    Xml = table.Column<string>(type: "text", nullable: true, collation: "russian")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FormSubmissions",
                columns: table => new
                {
                    Key = table.Column<Guid>(type: "uuid", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormSubmissions", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "russian"),
                    Code = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TravelTimes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FromCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "russian"),
                    ToCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "russian"),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravelTimes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false, collation: "russian"),
                    ClaimType = table.Column<string>(type: "text", nullable: true, collation: "russian"),
                    ClaimValue = table.Column<string>(type: "text", nullable: true, collation: "russian")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Missions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "russian"),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true, collation: "russian"),
                    OriginRegionId = table.Column<int>(type: "integer", nullable: false),
                    HostRegionId = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SearchText = table.Column<string>(type: "character varying(4500)", maxLength: 4500, nullable: false, collation: "russian"),
                    CalendarToken = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false, collation: "russian"),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Missions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Missions_Regions_HostRegionId",
                        column: x => x.HostRegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Missions_Regions_OriginRegionId",
                        column: x => x.OriginRegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Organizations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "russian"),
                    ShortName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "russian"),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Inn = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: true, collation: "russian"),
                    Ogrn = table.Column<string>(type: "character varying(15)", unicode: false, maxLength: 15, nullable: true, collation: "russian"),
                    Industry = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "russian"),
                    Website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true, collation: "russian"),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true, collation: "russian"),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "russian"),
                    ContactPerson = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "russian"),
                    ContactEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "russian"),
                    ContactPhone = table.Column<string>(type: "character varying(20)", unicode: false, maxLength: 20, nullable: true, collation: "russian"),
                    RejectionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "russian"),
                    LogoFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organizations_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConflictAcknowledgements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MissionId = table.Column<int>(type: "integer", nullable: false),
                    ConflictKey = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: false, collation: "russian"),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "russian"),
                    AcknowledgedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "russian"),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConflictAcknowledgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConflictAcknowledgements_Missions_MissionId",
                        column: x => x.MissionId,
                        principalTable: "Missions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Delegations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MissionId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "russian"),
                    Side = table.Column<int>(type: "integer", nullable: false),
                    SharesFullRoster = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Delegations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Delegations_Missions_MissionId",
                        column: x => x.MissionId,
                        principalTable: "Missions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MissionId = table.Column<int>(type: "integer", nullable: false),
                    ProgrammeItemId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "russian"),
                    Before = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true, collation: "russian"),
                    After = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true, collation: "russian"),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "russian"),
                    AtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeChanges_Missions_MissionId",
                        column: x => x.MissionId,
                        principalTable: "Missions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MissionId = table.Column<int>(type: "integer", nullable: false),
                    Decision = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "russian"),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "russian"),
                    AtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeReviews_Missions_MissionId",
                        column: x => x.MissionId,
                        principalTable: "Missions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false, collation: "russian"),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "russian"),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    IsCompanyMain = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "russian"),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "russian"),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "russian"),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "russian"),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true, collation: "russian"),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true, collation: "russian"),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true, collation: "russian"),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true, collation: "russian"),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CompanyResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MissionId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    ContactsMade = table.Column<int>(type: "integer", nullable: false),
                    ContractsIntended = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "russian"),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "russian"),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompanyResults_Missions_MissionId",
                        column: x => x.MissionId,
                        principalTable: "Missions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CompanyResults_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MissionOrganizers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MissionId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissionOrganizers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MissionOrganizers_Missions_MissionId",
                        column: x => x.MissionId,
                        principalTable: "Missions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MissionOrganizers_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Products",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "russian"),
                    Category = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "russian"),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, collation: "russian"),
                    Okpd2Code = table.Column<string>(type: "character varying(20)", unicode: false, maxLength: 20, nullable: true, collation: "russian"),
                    SupplyTerms = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "russian"),
                    SearchText = table.Column<string>(type: "character varying(4600)", maxLength: 4600, nullable: false, collation: "russian"),
                    DeletedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Products", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Products_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Venues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "russian"),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "russian"),
                    Address = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "russian"),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    DeletedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Venues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Venues_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "DelegationGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DelegationId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "russian")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DelegationGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DelegationGroups_Delegations_DelegationId",
                        column: x => x.DelegationId,
                        principalTable: "Delegations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Participants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DelegationId = table.Column<int>(type: "integer", nullable: false),
                    Surname = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "russian"),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "russian"),
                    Patronymic = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "russian"),
                    Position = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "russian"),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "russian"),
                    Phone = table.Column<string>(type: "character varying(20)", unicode: false, maxLength: 20, nullable: true, collation: "russian"),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    ProtocolOrder = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Participants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Participants_Delegations_DelegationId",
                        column: x => x.DelegationId,
                        principalTable: "Delegations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Participants_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "russian"),
                    ClaimType = table.Column<string>(type: "text", nullable: true, collation: "russian"),
                    ClaimValue = table.Column<string>(type: "text", nullable: true, collation: "russian")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false, collation: "russian"),
                    ProviderKey = table.Column<string>(type: "text", nullable: false, collation: "russian"),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true, collation: "russian"),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "russian")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "russian"),
                    RoleId = table.Column<string>(type: "text", nullable: false, collation: "russian")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "russian"),
                    LoginProvider = table.Column<string>(type: "text", nullable: false, collation: "russian"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "russian"),
                    Value = table.Column<string>(type: "text", nullable: true, collation: "russian")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CompanyJoinRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false, collation: "russian"),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "russian")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyJoinRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompanyJoinRequests_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CompanyJoinRequests_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DelegationGroupMember",
                columns: table => new
                {
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DelegationGroupMember", x => new { x.GroupId, x.ParticipantId });
                    table.ForeignKey(
                        name: "FK_DelegationGroupMember_DelegationGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "DelegationGroups",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_DelegationGroupMember_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MissionId = table.Column<int>(type: "integer", nullable: false),
                    DeletedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    End = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "russian"),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true, collation: "russian"),
                    VenueId = table.Column<int>(type: "integer", nullable: true),
                    ResponsibleId = table.Column<int>(type: "integer", nullable: true),
                    AttendeeScope = table.Column<int>(type: "integer", nullable: false),
                    DelegationId = table.Column<int>(type: "integer", nullable: true),
                    GroupId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeItems_DelegationGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "DelegationGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgrammeItems_Delegations_DelegationId",
                        column: x => x.DelegationId,
                        principalTable: "Delegations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgrammeItems_Missions_MissionId",
                        column: x => x.MissionId,
                        principalTable: "Missions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgrammeItems_Participants_ResponsibleId",
                        column: x => x.ResponsibleId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgrammeItems_Venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "Venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false, collation: "russian"),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Areas = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MissionId = table.Column<int>(type: "integer", nullable: true),
                    ProgrammeItemId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_Missions_MissionId",
                        column: x => x.MissionId,
                        principalTable: "Missions",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Agreements_ProgrammeItems_ProgrammeItemId",
                        column: x => x.ProgrammeItemId,
                        principalTable: "ProgrammeItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Attendances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeItemId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    CheckedInAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "russian")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attendances_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Attendances_ProgrammeItems_ProgrammeItemId",
                        column: x => x.ProgrammeItemId,
                        principalTable: "ProgrammeItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "B2bSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeItemId = table.Column<int>(type: "integer", nullable: false),
                    MissionId = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    End = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    MeetingMinutes = table.Column<int>(type: "integer", nullable: false),
                    PauseMinutes = table.Column<int>(type: "integer", nullable: false),
                    Tables = table.Column<int>(type: "integer", nullable: false),
                    RequestsOpenUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    RequestsCloseUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ScheduledAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    Breaks = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_B2bSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_B2bSessions_Missions_MissionId",
                        column: x => x.MissionId,
                        principalTable: "Missions",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_B2bSessions_ProgrammeItems_ProgrammeItemId",
                        column: x => x.ProgrammeItemId,
                        principalTable: "ProgrammeItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ItemRegistrations",
                columns: table => new
                {
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    ProgrammeItemId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemRegistrations", x => new { x.ParticipantId, x.ProgrammeItemId });
                    table.ForeignKey(
                        name: "FK_ItemRegistrations_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ItemRegistrations_ProgrammeItems_ProgrammeItemId",
                        column: x => x.ProgrammeItemId,
                        principalTable: "ProgrammeItems",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeItemAttendee",
                columns: table => new
                {
                    ProgrammeItemId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeItemAttendee", x => new { x.ProgrammeItemId, x.ParticipantId });
                    table.ForeignKey(
                        name: "FK_ProgrammeItemAttendee_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgrammeItemAttendee_ProgrammeItems_ProgrammeItemId",
                        column: x => x.ProgrammeItemId,
                        principalTable: "ProgrammeItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundTables",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeItemId = table.Column<int>(type: "integer", nullable: false),
                    Topic = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "russian"),
                    ModeratorId = table.Column<int>(type: "integer", nullable: true),
                    Resolution = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true, collation: "russian")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundTables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundTables_Participants_ModeratorId",
                        column: x => x.ModeratorId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoundTables_ProgrammeItems_ProgrammeItemId",
                        column: x => x.ProgrammeItemId,
                        principalTable: "ProgrammeItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeItemId = table.Column<int>(type: "integer", nullable: false),
                    HostOrganizationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_Organizations_HostOrganizationId",
                        column: x => x.HostOrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Visits_ProgrammeItems_ProgrammeItemId",
                        column: x => x.ProgrammeItemId,
                        principalTable: "ProgrammeItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementParty",
                columns: table => new
                {
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementParty", x => new { x.AgreementId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_AgreementParty_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementParty_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreementSignatory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    Surname = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "russian"),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "russian"),
                    Patronymic = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "russian"),
                    Position = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "russian"),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementSignatory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementSignatory_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementSignatory_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgreementSignatory_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "StoredFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    ProductId = table.Column<int>(type: "integer", nullable: true),
                    AgreementId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", unicode: false, maxLength: 100, nullable: false, collation: "russian"),
                    OriginalName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false, collation: "russian"),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    HasThumbnail = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StoredFiles_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_StoredFiles_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StoredFiles_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "B2bParticipations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Side = table.Column<int>(type: "integer", nullable: false),
                    Offers = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "russian"),
                    Needs = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "russian"),
                    OfferCategories = table.Column<List<string>>(type: "text[]", nullable: false),
                    NeedCategories = table.Column<List<string>>(type: "text[]", nullable: false),
                    ContactPerson = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "russian"),
                    ContactPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true, collation: "russian"),
                    JoinedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    Breaks = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_B2bParticipations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_B2bParticipations_B2bSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "B2bSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_B2bParticipations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoundTableSpeaker",
                columns: table => new
                {
                    RoundTableId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Talk = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true, collation: "russian"),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundTableSpeaker", x => new { x.RoundTableId, x.ParticipantId });
                    table.ForeignKey(
                        name: "FK_RoundTableSpeaker_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoundTableSpeaker_RoundTables_RoundTableId",
                        column: x => x.RoundTableId,
                        principalTable: "RoundTables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisitOfficial",
                columns: table => new
                {
                    VisitId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitOfficial", x => new { x.VisitId, x.ParticipantId });
                    table.ForeignKey(
                        name: "FK_VisitOfficial_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VisitOfficial_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    FromId = table.Column<int>(type: "integer", nullable: false),
                    ToId = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "russian"),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingRequests_B2bParticipations_FromId",
                        column: x => x.FromId,
                        principalTable: "B2bParticipations",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_MeetingRequests_B2bParticipations_ToId",
                        column: x => x.ToId,
                        principalTable: "B2bParticipations",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_MeetingRequests_B2bSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "B2bSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "B2bMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    End = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Table = table.Column<int>(type: "integer", nullable: false),
                    Pinned = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_B2bMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_B2bMeetings_B2bSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "B2bSessions",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_B2bMeetings_MeetingRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "MeetingRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingOutcomes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    ParticipationId = table.Column<int>(type: "integer", nullable: false),
                    TookPlace = table.Column<bool>(type: "boolean", nullable: false),
                    ContactMade = table.Column<bool>(type: "boolean", nullable: false),
                    FollowUpAgreed = table.Column<bool>(type: "boolean", nullable: false),
                    ContractIntended = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingOutcomes_B2bMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "B2bMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingOutcomes_B2bParticipations_ParticipationId",
                        column: x => x.ParticipationId,
                        principalTable: "B2bParticipations",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementParty_OrganizationId",
                table: "AgreementParty",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_MissionId",
                table: "Agreements",
                column: "MissionId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_ProgrammeItemId",
                table: "Agreements",
                column: "ProgrammeItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Status_SignedOn",
                table: "Agreements",
                columns: new[] { "Status", "SignedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSignatory_AgreementId",
                table: "AgreementSignatory",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSignatory_OrganizationId",
                table: "AgreementSignatory",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSignatory_ParticipantId",
                table: "AgreementSignatory",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrganizationId",
                table: "AspNetUsers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_ParticipantId",
                table: "Attendances",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_ProgrammeItemId_ParticipantId",
                table: "Attendances",
                columns: new[] { "ProgrammeItemId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AtUtc",
                table: "AuditEntries",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_MissionId",
                table: "AuditEntries",
                column: "MissionId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserId",
                table: "AuditEntries",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_B2bMeetings_RequestId",
                table: "B2bMeetings",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_B2bMeetings_SessionId_Start_Table",
                table: "B2bMeetings",
                columns: new[] { "SessionId", "Start", "Table" });

            migrationBuilder.CreateIndex(
                name: "IX_B2bParticipations_OrganizationId",
                table: "B2bParticipations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_B2bParticipations_SessionId_OrganizationId",
                table: "B2bParticipations",
                columns: new[] { "SessionId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_B2bSessions_MissionId",
                table: "B2bSessions",
                column: "MissionId");

            migrationBuilder.CreateIndex(
                name: "IX_B2bSessions_ProgrammeItemId",
                table: "B2bSessions",
                column: "ProgrammeItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompanyJoinRequests_OrganizationId_Status",
                table: "CompanyJoinRequests",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CompanyJoinRequests_UserId",
                table: "CompanyJoinRequests",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CompanyResults_MissionId_OrganizationId",
                table: "CompanyResults",
                columns: new[] { "MissionId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompanyResults_OrganizationId",
                table: "CompanyResults",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ConflictAcknowledgements_MissionId_ConflictKey",
                table: "ConflictAcknowledgements",
                columns: new[] { "MissionId", "ConflictKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DelegationGroupMember_ParticipantId",
                table: "DelegationGroupMember",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_DelegationGroups_DelegationId",
                table: "DelegationGroups",
                column: "DelegationId");

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_MissionId",
                table: "Delegations",
                column: "MissionId");

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_AtUtc",
                table: "FormSubmissions",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ItemRegistrations_ProgrammeItemId",
                table: "ItemRegistrations",
                column: "ProgrammeItemId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingOutcomes_MeetingId_ParticipationId",
                table: "MeetingOutcomes",
                columns: new[] { "MeetingId", "ParticipationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingOutcomes_ParticipationId",
                table: "MeetingOutcomes",
                column: "ParticipationId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingRequests_FromId_ToId",
                table: "MeetingRequests",
                columns: new[] { "FromId", "ToId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingRequests_SessionId_Status",
                table: "MeetingRequests",
                columns: new[] { "SessionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingRequests_ToId",
                table: "MeetingRequests",
                column: "ToId");

            migrationBuilder.CreateIndex(
                name: "IX_MissionOrganizers_MissionId_OrganizationId",
                table: "MissionOrganizers",
                columns: new[] { "MissionId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MissionOrganizers_OrganizationId",
                table: "MissionOrganizers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Missions_CalendarToken",
                table: "Missions",
                column: "CalendarToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Missions_HostRegionId",
                table: "Missions",
                column: "HostRegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Missions_OriginRegionId",
                table: "Missions",
                column: "OriginRegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Missions_StartDate",
                table: "Missions",
                column: "StartDate");

            migrationBuilder.CreateIndex(
                name: "IX_Missions_Status_StartDate",
                table: "Missions",
                columns: new[] { "Status", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Inn",
                table: "Organizations",
                column: "Inn",
                unique: true,
                filter: "\"Inn\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Kind_Status",
                table: "Organizations",
                columns: new[] { "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Name",
                table: "Organizations",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Name_trgm",
                table: "Organizations",
                column: "Name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_RegionId",
                table: "Organizations",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Status",
                table: "Organizations",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_DelegationId_ProtocolOrder",
                table: "Participants",
                columns: new[] { "DelegationId", "ProtocolOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_Participants_OrganizationId",
                table: "Participants",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_Surname_GivenName",
                table: "Participants",
                columns: new[] { "Surname", "GivenName" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Category_Name_DeletedAtUtc",
                table: "Products",
                columns: new[] { "Category", "Name", "DeletedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_Name_Id",
                table: "Products",
                columns: new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_OrganizationId_DeletedAtUtc",
                table: "Products",
                columns: new[] { "OrganizationId", "DeletedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_OrganizationId_Name",
                table: "Products",
                columns: new[] { "OrganizationId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_SearchText_trgm",
                table: "Products",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeChanges_MissionId_AtUtc",
                table: "ProgrammeChanges",
                columns: new[] { "MissionId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeItemAttendee_ParticipantId",
                table: "ProgrammeItemAttendee",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeItems_DelegationId",
                table: "ProgrammeItems",
                column: "DelegationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeItems_GroupId",
                table: "ProgrammeItems",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeItems_MissionId_Date_Start",
                table: "ProgrammeItems",
                columns: new[] { "MissionId", "Date", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeItems_ResponsibleId",
                table: "ProgrammeItems",
                column: "ResponsibleId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeItems_VenueId_Date",
                table: "ProgrammeItems",
                columns: new[] { "VenueId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeReviews_MissionId_AtUtc",
                table: "ProgrammeReviews",
                columns: new[] { "MissionId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Regions_Code",
                table: "Regions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Regions_Name",
                table: "Regions",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundTables_ModeratorId",
                table: "RoundTables",
                column: "ModeratorId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundTables_ProgrammeItemId",
                table: "RoundTables",
                column: "ProgrammeItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundTableSpeaker_ParticipantId",
                table: "RoundTableSpeaker",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_StoredFiles_AgreementId_Kind",
                table: "StoredFiles",
                columns: new[] { "AgreementId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_StoredFiles_OrganizationId",
                table: "StoredFiles",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_StoredFiles_ProductId_Kind",
                table: "StoredFiles",
                columns: new[] { "ProductId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_TravelTimes_FromCity_ToCity",
                table: "TravelTimes",
                columns: new[] { "FromCity", "ToCity" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Venues_City_Name",
                table: "Venues",
                columns: new[] { "City", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Venues_OrganizationId",
                table: "Venues",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitOfficial_ParticipantId",
                table: "VisitOfficial",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_HostOrganizationId",
                table: "Visits",
                column: "HostOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_ProgrammeItemId",
                table: "Visits",
                column: "ProgrammeItemId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementParty");

            migrationBuilder.DropTable(
                name: "AgreementSignatory");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "Attendances");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CompanyJoinRequests");

            migrationBuilder.DropTable(
                name: "CompanyResults");

            migrationBuilder.DropTable(
                name: "ConflictAcknowledgements");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DelegationGroupMember");

            migrationBuilder.DropTable(
                name: "FormSubmissions");

            migrationBuilder.DropTable(
                name: "ItemRegistrations");

            migrationBuilder.DropTable(
                name: "MeetingOutcomes");

            migrationBuilder.DropTable(
                name: "MissionOrganizers");

            migrationBuilder.DropTable(
                name: "ProgrammeChanges");

            migrationBuilder.DropTable(
                name: "ProgrammeItemAttendee");

            migrationBuilder.DropTable(
                name: "ProgrammeReviews");

            migrationBuilder.DropTable(
                name: "RoundTableSpeaker");

            migrationBuilder.DropTable(
                name: "StoredFiles");

            migrationBuilder.DropTable(
                name: "TravelTimes");

            migrationBuilder.DropTable(
                name: "VisitOfficial");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "B2bMeetings");

            migrationBuilder.DropTable(
                name: "RoundTables");

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "Products");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropTable(
                name: "MeetingRequests");

            migrationBuilder.DropTable(
                name: "B2bParticipations");

            migrationBuilder.DropTable(
                name: "B2bSessions");

            migrationBuilder.DropTable(
                name: "ProgrammeItems");

            migrationBuilder.DropTable(
                name: "DelegationGroups");

            migrationBuilder.DropTable(
                name: "Participants");

            migrationBuilder.DropTable(
                name: "Venues");

            migrationBuilder.DropTable(
                name: "Delegations");

            migrationBuilder.DropTable(
                name: "Organizations");

            migrationBuilder.DropTable(
                name: "Missions");

            migrationBuilder.DropTable(
                name: "Regions");
        }
    }
}
