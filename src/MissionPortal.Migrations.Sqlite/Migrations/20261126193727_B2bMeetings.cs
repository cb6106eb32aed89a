using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class B2bMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "B2bSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    MissionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    MeetingMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    PauseMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Tables = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestsOpenUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestsCloseUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ScheduledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Breaks = table.Column<string>(type: "TEXT", nullable: true)
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
                name: "B2bParticipations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Side = table.Column<int>(type: "INTEGER", nullable: false),
                    Offers = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Needs = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OfferCategories = table.Column<string>(type: "TEXT", nullable: false),
                    NeedCategories = table.Column<string>(type: "TEXT", nullable: false),
                    ContactPerson = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    JoinedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Breaks = table.Column<string>(type: "TEXT", nullable: true)
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
                name: "MeetingRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromId = table.Column<int>(type: "INTEGER", nullable: false),
                    ToId = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    End = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Table = table.Column<int>(type: "INTEGER", nullable: false),
                    Pinned = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipationId = table.Column<int>(type: "INTEGER", nullable: false),
                    TookPlace = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContactMade = table.Column<bool>(type: "INTEGER", nullable: false),
                    FollowUpAgreed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContractIntended = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingOutcomes");

            migrationBuilder.DropTable(
                name: "B2bMeetings");

            migrationBuilder.DropTable(
                name: "MeetingRequests");

            migrationBuilder.DropTable(
                name: "B2bParticipations");

            migrationBuilder.DropTable(
                name: "B2bSessions");
        }
    }
}
