package dk.trials.enrolment.service.allocation;

import dk.trials.events.trial.RandomisationMethod;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Permuted blocks within strata. Each stratum allocates from its current block; when the block is used up, the next
 * block's size is drawn at random from the design's block sizes and the block is a random permutation (Fisher–Yates)
 * holding every arm in proportion to its weight. The sizes are the design's effective ones
 * ({@link dk.trials.events.trial.RandomisationDesign#effectiveBlockSizes}), whole multiples of the total weight.
 */
public final class PermutedBlockAllocator implements Allocator<PermutedBlockAllocator.BlockState> {

    /**
     * A stratum's current block, the next position in it (0-based) and how many blocks the stratum has begun.
     * An empty block means no block has begun yet.
     */
    public record BlockState(List<String> block, int position, int blockNumber) implements AllocationState {

        boolean exhausted() {
            return position >= block.size();
        }
    }

    private final WeightedArms arms;
    private final List<Integer> blockSizes;

    public PermutedBlockAllocator(WeightedArms arms, List<Integer> blockSizes) {
        if (blockSizes == null || blockSizes.isEmpty()
                || blockSizes.stream().anyMatch(size -> size < 1 || size % arms.totalWeight() != 0)) {
            throw new IllegalArgumentException("block sizes " + blockSizes + " are not whole multiples of the total weight "
                    + arms.totalWeight());
        }
        this.arms = arms;
        this.blockSizes = List.copyOf(blockSizes);
    }

    /** The largest block: how far any arm's weighted count may run ahead of another's within a stratum. */
    public int largestBlock() {
        return Collections.max(blockSizes);
    }

    @Override
    public RandomisationMethod method() {
        return RandomisationMethod.PERMUTED_BLOCK;
    }

    @Override
    public Class<BlockState> stateType() {
        return BlockState.class;
    }

    @Override
    public BlockState initialState() {
        return new BlockState(List.of(), 0, 0);
    }

    @Override
    public Optional<String> lockKey(String stratum) {
        return Optional.of(stratum);
    }

    @Override
    public Allocation<BlockState> allocate(BlockState before, List<String> levels, Draws draws) {
        BlockState state = before.exhausted() ? new BlockState(nextBlock(draws), 0, before.blockNumber() + 1) : before;
        String arm = state.block().get(state.position());
        return new Allocation<>(arm, new BlockState(state.block(), state.position() + 1, state.blockNumber()));
    }

    private List<String> nextBlock(Draws draws) {
        int size = blockSizes.get(draws.below(blockSizes.size()));
        int copies = size / arms.totalWeight();
        List<String> block = new ArrayList<>(size);
        for (int a = 0; a < arms.size(); a++) {
            for (int i = 0; i < copies * arms.weight(a); i++) {
                block.add(arms.code(a));
            }
        }
        for (int i = block.size() - 1; i > 0; i--) {
            Collections.swap(block, i, draws.below(i + 1));
        }
        return List.copyOf(block);
    }
}
