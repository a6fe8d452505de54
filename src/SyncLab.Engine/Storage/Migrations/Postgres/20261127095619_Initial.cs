using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SyncLab.Engine.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppliedVersions",
                columns: table => new
                {
                    Process = table.Column<string>(type: "text", nullable: false),
                    Key = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppliedVersions", x => new { x.Process, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "Checkpoints",
                columns: table => new
                {
                    Source = table.Column<string>(type: "text", nullable: false),
                    CursorTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Checkpoints", x => x.Source);
                });

            migrationBuilder.CreateTable(
                name: "DataErrors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Process = table.Column<string>(type: "text", nullable: false),
                    Key = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<string>(type: "text", nullable: false),
                    Message = table.Column<string>(type: "text", nullable: false),
                    AtTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataErrors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HeldChanges",
                columns: table => new
                {
                    Process = table.Column<string>(type: "text", nullable: false),
                    Key = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    SinceTicks = table.Column<long>(type: "bigint", nullable: false),
                    Checks = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldChanges", x => new { x.Process, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "IdMappings",
                columns: table => new
                {
                    System = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Key = table.Column<string>(type: "text", nullable: false),
                    TargetId = table.Column<string>(type: "text", nullable: false),
                    Extra = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdMappings", x => new { x.System, x.Kind, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "JobSchedules",
                columns: table => new
                {
                    Job = table.Column<string>(type: "text", nullable: false),
                    Cron = table.Column<string>(type: "text", nullable: true),
                    TimeZone = table.Column<string>(type: "text", nullable: true),
                    UpdatedAtTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobSchedules", x => x.Job);
                });

            migrationBuilder.CreateTable(
                name: "ReconciliationRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OccurrenceTicks = table.Column<long>(type: "bigint", nullable: false),
                    RanAtTicks = table.Column<long>(type: "bigint", nullable: false),
                    ItemsChecked = table.Column<int>(type: "integer", nullable: false),
                    Healed = table.Column<int>(type: "integer", nullable: false),
                    Unhealed = table.Column<int>(type: "integer", nullable: false),
                    Findings = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconciliationRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScheduledRuns",
                columns: table => new
                {
                    Job = table.Column<string>(type: "text", nullable: false),
                    OccurrenceTicks = table.Column<long>(type: "bigint", nullable: false),
                    RanAtTicks = table.Column<long>(type: "bigint", nullable: false),
                    Missed = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledRuns", x => new { x.Job, x.OccurrenceTicks });
                });

            migrationBuilder.CreateTable(
                name: "WorkItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Process = table.Column<string>(type: "text", nullable: false),
                    Key = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<string>(type: "text", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    DueAtTicks = table.Column<long>(type: "bigint", nullable: false),
                    CapturedAtTicks = table.Column<long>(type: "bigint", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true),
                    DispatchedAtTicks = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkItems", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppliedVersions_Key",
                table: "AppliedVersions",
                column: "Key");

            migrationBuilder.CreateIndex(
                name: "IX_DataErrors_Process_Key",
                table: "DataErrors",
                columns: new[] { "Process", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationRuns_OccurrenceTicks",
                table: "ReconciliationRuns",
                column: "OccurrenceTicks",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_Key",
                table: "WorkItems",
                column: "Key");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_Process_Key_Version",
                table: "WorkItems",
                columns: new[] { "Process", "Key", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_State_DueAtTicks",
                table: "WorkItems",
                columns: new[] { "State", "DueAtTicks" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppliedVersions");

            migrationBuilder.DropTable(
                name: "Checkpoints");

            migrationBuilder.DropTable(
                name: "DataErrors");

            migrationBuilder.DropTable(
                name: "HeldChanges");

            migrationBuilder.DropTable(
                name: "IdMappings");

            migrationBuilder.DropTable(
                name: "JobSchedules");

            migrationBuilder.DropTable(
                name: "ReconciliationRuns");

            migrationBuilder.DropTable(
                name: "ScheduledRuns");

            migrationBuilder.DropTable(
                name: "WorkItems");
        }
    }
}
