import type { Layer, Param } from '../layer.js';
import type { Tensor } from '../tensor.js';

/**
 * [batch, ...] -> [batch, prod(...)]. Row-major data is already in flattened order (channel-major,
 * like PyTorch's NCHW flatten), so only the shape changes; backward restores the input shape.
 */
export class Flatten implements Layer {
  readonly kind = 'flatten';
  readonly analog = false;
  private inShape: number[] | undefined;

  async forward(x: Tensor): Promise<Tensor> {
    if (x.shape.length < 1) throw new RangeError('Flatten: input needs a batch dimension');
    this.inShape = [...x.shape];
    const batch = x.shape[0];
    const features = batch === 0 ? 0 : x.data.length / batch;
    return { data: x.data, shape: [batch, features] };
  }

  backward(dy: Tensor): Tensor {
    if (!this.inShape) throw new Error('Flatten: backward before forward');
    return { data: dy.data, shape: [...this.inShape] };
  }

  params(): Param[] {
    return [];
  }
}
