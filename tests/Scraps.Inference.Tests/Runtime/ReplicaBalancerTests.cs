using Scraps.Inference.Runtime;

namespace Scraps.Inference.Tests.Runtime;

public sealed class ReplicaBalancerTests
{
    [Fact]
    public void An_idle_pool_spreads_its_first_runs_over_every_gpu()
    {
        var balancer = new ReplicaBalancer(3);

        var leases = Enumerable.Range(0, 3).Select(_ => balancer.Acquire()).ToArray();

        Assert.Equal([0, 1, 2], leases.Select(l => l.Replica).Order());
    }

    [Fact]
    public void A_run_goes_to_the_gpu_with_the_fewest_runs_in_flight()
    {
        var balancer = new ReplicaBalancer(2);
        var first = balancer.Acquire();
        var second = balancer.Acquire();
        var third = balancer.Acquire();
        var busy = third.Replica;
        var idle = 1 - busy;
        (first.Replica == idle ? first : second).Dispose();

        using var next = balancer.Acquire();

        Assert.Equal(idle, next.Replica);
        Assert.Equal(2, balancer.InFlight(busy));
        Assert.Equal(1, balancer.InFlight(idle));
    }

    [Fact]
    public void Concurrent_runs_end_with_nothing_in_flight()
    {
        var balancer = new ReplicaBalancer(2);

        Parallel.For(0, 10_000, _ =>
        {
            using var lease = balancer.Acquire();
        });

        Assert.Equal(0, balancer.InFlight(0));
        Assert.Equal(0, balancer.InFlight(1));
    }
}
