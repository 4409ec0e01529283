namespace InferenceLab.Core.Simulation
{
    /// <summary>
    /// Arrived requests that have not been admitted yet, as a binary min-heap of request ids keyed by (priority, id).
    /// Ids follow arrival order, so a constant priority is first come, first served; the prompt length as priority is
    /// shortest prompt first. O(log n) per operation, no allocation after construction.
    /// </summary>
    internal sealed class WaitingQueue
    {
        private readonly int[] heap;
        private readonly long[] priority;

        /// <summary>Creates a queue for ids below <paramref name="capacity"/> with their priorities (smaller first).</summary>
        public WaitingQueue(int capacity, long[] priorityById)
        {
            heap = new int[capacity];
            priority = priorityById;
        }

        public int Count { get; private set; }

        public int Peek() => heap[0];

        public void Push(int id)
        {
            int child = Count++;
            while (child > 0)
            {
                int parent = (child - 1) / 2;
                if (!Before(id, heap[parent]))
                {
                    break;
                }

                heap[child] = heap[parent];
                child = parent;
            }

            heap[child] = id;
        }

        public int Pop()
        {
            int top = heap[0];
            int last = heap[--Count];
            int parent = 0;
            while (true)
            {
                int child = (2 * parent) + 1;
                if (child >= Count)
                {
                    break;
                }

                if (child + 1 < Count && Before(heap[child + 1], heap[child]))
                {
                    child++;
                }

                if (!Before(heap[child], last))
                {
                    break;
                }

                heap[parent] = heap[child];
                parent = child;
            }

            if (Count > 0)
            {
                heap[parent] = last;
            }

            return top;
        }

        private bool Before(int a, int b) => priority[a] < priority[b] || (priority[a] == priority[b] && a < b);
    }
}
