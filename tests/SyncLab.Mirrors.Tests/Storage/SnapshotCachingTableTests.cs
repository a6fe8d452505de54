using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Storage;
using Xunit;

namespace SyncLab.Mirrors.Tests.Storage;

/// <summary>
/// The mirrors' InMemory tables carry their query snapshot forward on writes instead of rebuilding it. These
/// tests run the same seeded sequence of creates, updates and deletes against our store and against EF Core's
/// plain InMemory provider, and require every query to answer the same after every step.
/// </summary>
public sealed class SnapshotCachingTableTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Queries_answer_as_the_plain_provider_does_after_every_write(int seed)
    {
        var name = Guid.NewGuid().ToString("N");
        await using var ours = Context(b => StoreOptions.InMemory.Apply(b, "ours-" + name));
        await using var plain = Context(b => b.UseInMemoryDatabase("plain-" + name));
        var random = new Random(seed);
        var nextId = 1;
        var ids = new List<int>();

        // Enough rows for several chunks of the snapshot (1,024 rows each), then mixed writes.
        for (var i = 0; i < 2_500; i++)
        {
            Create(nextId++);
        }
        await SaveBothAsync();
        // Lookups made now are kept up to date by every write below (and rebuilt after deletes).
        Assert.Equal(await ByQuantity(plain, [1, 2]), Looked(ours, [1, 2]));
        for (var step = 0; step < 300; step++)
        {
            var action = random.Next(10);
            if (action < 5 && ids.Count > 0)
            {
                var id = ids[random.Next(ids.Count)];
                var quantity = random.Next(-5, 500);
                var note = random.Next(3) == 0 ? null : $"n{random.Next(1000)}";
                var asStub = random.Next(3) == 0;
                foreach (var db in new[] { ours, plain })
                {
                    if (asStub)
                    {
                        // An entity attached as a stub changes only what it marks modified; the rest must stay as stored.
                        var stub = db.Items.Attach(new Item { Id = id, Sku = "not the stored SKU" });
                        stub.Property(r => r.Quantity).CurrentValue = quantity;
                        stub.Property(r => r.Quantity).IsModified = true;
                        continue;
                    }
                    var row = await db.Items.SingleAsync(r => r.Id == id);
                    row.Quantity = quantity;
                    row.Note = note;
                    row.Bytes = [(byte)quantity, 1, 2];
                }
            }
            else if (action < 8)
            {
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    Create(nextId++);
                }
            }
            else if (ids.Count > 0)
            {
                var id = ids[random.Next(ids.Count)];
                ids.Remove(id);
                foreach (var db in new[] { ours, plain })
                {
                    db.Items.Remove(await db.Items.SingleAsync(r => r.Id == id));
                }
            }
            if (random.Next(4) == 0)
            {
                var key = (random.Next(20), $"L{random.Next(5)}");
                foreach (var db in new[] { ours, plain })
                {
                    var level = await db.Levels.FindAsync(key.Item1, key.Item2);
                    if (level is null)
                    {
                        db.Levels.Add(new Level { Item = key.Item1, Location = key.Item2, OnHand = step });
                    }
                    else
                    {
                        level.OnHand = step;
                    }
                }
            }
            await SaveBothAsync();

            var probe = random.Next(1, nextId);
            Assert.Equal(await Answer(plain, probe), await Answer(ours, probe));
            int[] quantities = [random.Next(-5, 500), random.Next(17)];
            Assert.Equal(await ByQuantity(plain, quantities), Looked(ours, quantities));
            var item = random.Next(20);
            Assert.Equal(
                await plain.Levels.AsNoTracking().Where(l => l.Item == item).Select(l => $"{l.Location}={l.OnHand}").OrderBy(l => l).ToListAsync(),
                StoreLookup.Where(ours, (Level l) => l.Item, [item])!.Select(l => $"{l.Location}={l.OnHand}").OrderBy(l => l).ToList());
        }
        Assert.Equal(await All(plain), await All(ours));
        Assert.Equal(
            await plain.Levels.AsNoTracking().OrderBy(l => l.Item).ThenBy(l => l.Location).Select(l => $"{l.Item}/{l.Location}={l.OnHand}").ToListAsync(),
            await ours.Levels.AsNoTracking().OrderBy(l => l.Item).ThenBy(l => l.Location).Select(l => $"{l.Item}/{l.Location}={l.OnHand}").ToListAsync());

        void Create(int id)
        {
            ids.Add(id);
            ours.Items.Add(new Item { Id = id, Sku = $"SKU-{id:D6}", Quantity = id % 17 });
            plain.Items.Add(new Item { Id = id, Sku = $"SKU-{id:D6}", Quantity = id % 17 });
        }

        async Task SaveBothAsync()
        {
            await ours.SaveChangesAsync();
            await plain.SaveChangesAsync();
            ours.ChangeTracker.Clear();
            plain.ChangeTracker.Clear();
        }
    }

    [Fact]
    public async Task A_query_begun_before_a_write_does_not_see_it()
    {
        await using var db = Context(b => StoreOptions.InMemory.Apply(b, Guid.NewGuid().ToString("N")));
        for (var id = 1; id <= 1_100; id++)
        {
            db.Items.Add(new Item { Id = id, Sku = $"SKU-{id}", Quantity = 1 });
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        await using var reader = db.Items.AsNoTracking().OrderBy(i => i.Id).Select(i => i.Quantity).AsAsyncEnumerable().GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync());
        var row = await db.Items.SingleAsync(i => i.Id == 1_050);
        row.Quantity = 99;
        db.Items.Add(new Item { Id = 5_000, Sku = "SKU-new", Quantity = 7 });
        await db.SaveChangesAsync();

        var seen = new List<int> { reader.Current };
        while (await reader.MoveNextAsync())
        {
            seen.Add(reader.Current);
        }
        Assert.Equal(1_100, seen.Count);
        Assert.All(seen, q => Assert.Equal(1, q));
        Assert.Equal(99, await db.Items.AsNoTracking().Where(i => i.Id == 1_050).Select(i => i.Quantity).SingleAsync());
        Assert.Equal(1_101, await db.Items.CountAsync());
    }

    [Fact]
    public async Task A_tracked_lookup_attaches_rows_and_returns_those_already_tracked()
    {
        await using var db = Context(b => StoreOptions.InMemory.Apply(b, Guid.NewGuid().ToString("N")));
        db.Items.AddRange(new Item { Id = 1, Sku = "A", Quantity = 3 }, new Item { Id = 2, Sku = "B", Quantity = 3 }, new Item { Id = 3, Sku = "C", Quantity = 4 });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var known = await db.Items.SingleAsync(i => i.Id == 2);
        known.Note = "changed, not saved";

        var rows = StoreLookup.Tracked(db, (Item i) => i.Quantity, [3])!;

        Assert.Equal([1, 2], rows.Select(r => r.Id).Order());
        Assert.Same(known, rows.Single(r => r.Id == 2));
        rows.Single(r => r.Id == 1).Quantity = 8;
        await db.SaveChangesAsync();
        Assert.Equal([8, 3, 4], await db.Items.AsNoTracking().OrderBy(i => i.Id).Select(i => i.Quantity).ToListAsync());
        Assert.Equal("changed, not saved", await db.Items.AsNoTracking().Where(i => i.Id == 2).Select(i => i.Note).SingleAsync());
    }

    [Fact]
    public async Task A_store_without_lookups_answers_null_so_the_caller_queries()
    {
        await using var plain = Context(b => b.UseInMemoryDatabase(Guid.NewGuid().ToString("N")));
        plain.Items.Add(new Item { Id = 1, Sku = "A", Quantity = 1 });
        await plain.SaveChangesAsync();
        Assert.Null(StoreLookup.Where(plain, (Item i) => i.Quantity, [1]));
    }

    private static async Task<List<string>> ByQuantity(TestDb db, int[] quantities) =>
        await db.Items.AsNoTracking().Where(i => quantities.Contains(i.Quantity)).OrderBy(i => i.Id)
            .Select(i => $"{i.Id}:{i.Sku}:{i.Quantity}:{i.Note}:{(i.Bytes == null ? "" : string.Join(',', i.Bytes))}").ToListAsync();

    private static List<string> Looked(TestDb db, int[] quantities) =>
        StoreLookup.Where(db, (Item i) => i.Quantity, quantities)!.OrderBy(i => i.Id)
            .Select(i => $"{i.Id}:{i.Sku}:{i.Quantity}:{i.Note}:{(i.Bytes == null ? "" : string.Join(',', i.Bytes))}").ToList();

    private static async Task<string> Answer(TestDb db, int id) =>
        string.Join('|', await db.Items.AsNoTracking().Where(i => i.Id == id || i.Sku == $"SKU-{id + 1:D6}")
            .OrderBy(i => i.Id).Select(i => $"{i.Id}:{i.Sku}:{i.Quantity}:{i.Note}:{(i.Bytes == null ? "" : string.Join(',', i.Bytes))}").ToListAsync());

    private static async Task<List<string>> All(TestDb db) =>
        await db.Items.AsNoTracking().OrderBy(i => i.Id).Select(i => $"{i.Id}:{i.Sku}:{i.Quantity}:{i.Note}").ToListAsync();

    private static TestDb Context(Action<DbContextOptionsBuilder> configure)
    {
        var builder = new DbContextOptionsBuilder<TestDb>();
        configure(builder);
        return new TestDb(builder.Options);
    }

    public sealed class Item
    {
        public int Id { get; set; }

        public required string Sku { get; set; }

        public int Quantity { get; set; }

        public string? Note { get; set; }

        public byte[]? Bytes { get; set; }
    }

    public sealed class Level
    {
        public int Item { get; set; }

        public required string Location { get; set; }

        public int OnHand { get; set; }
    }

    public sealed class TestDb(DbContextOptions<TestDb> options) : DbContext(options)
    {
        public DbSet<Item> Items => Set<Item>();

        public DbSet<Level> Levels => Set<Level>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Item>().Property(i => i.Id).ValueGeneratedNever();
            modelBuilder.Entity<Level>().HasKey(l => new { l.Item, l.Location });
        }
    }
}
