import { describe, expect, it } from 'vitest';
import {
  describeLayers,
  modelBuffers,
  modelParams,
  parameterCount,
  walkLayers,
  type Model,
} from '../../../src/nn/model.js';
import type { NoiseLayer } from '../../../src/nn/layers/noise-layer.js';
import {
  MODEL_PRESETS,
  ModelConfigError,
  buildModel,
  layerSeed,
} from '../../../src/nn/models/index.js';
import { IdealDevice } from '../../../simulator/ideal-device.js';
import { buildOpts, convParams, linearParams } from './helpers.js';

const count = (preset: string, over: Parameters<typeof buildOpts>[0] = {}) =>
  parameterCount(buildModel(preset, buildOpts(over)));

describe('parameter counts (expected values computed here by formula, not by the code)', () => {
  it('convnet 6 conv + 3 linear on 3x32x32, 10 classes: 1,172,410', () => {
    // 32 -> 32 -> 30 -> pool 15 -> 15 -> 13 -> pool 6 -> 6 -> 4 -> pool 2: flatten 192*2*2 = 768.
    const convs =
      convParams(3, 48, 3) +
      convParams(48, 48, 3) +
      convParams(48, 96, 3) +
      convParams(96, 96, 3) +
      convParams(96, 192, 3) +
      convParams(192, 192, 3);
    const head = linearParams(768, 512) + linearParams(512, 256) + linearParams(256, 10);
    expect(convs + head).toBe(1_172_410);
    expect(count('convnet')).toBe(1_172_410);
    expect(count('convnet', { options: { convLayers: 6, linearLayers: 3 } })).toBe(1_172_410);
  });

  it('convnet on MNIST 1x28x28 flattens 192*1*1', () => {
    // 28 -> 28 -> 26 -> 13 -> 13 -> 11 -> 5 -> 5 -> 3 -> 1.
    const convs =
      convParams(1, 48, 3) +
      convParams(48, 48, 3) +
      convParams(48, 96, 3) +
      convParams(96, 96, 3) +
      convParams(96, 192, 3) +
      convParams(192, 192, 3);
    const head = linearParams(192, 512) + linearParams(512, 256) + linearParams(256, 10);
    expect(count('convnet', { inputShape: [1, 28, 28] })).toBe(convs + head);
  });

  it('convnet with fewer layers: first n convs, each started stage keeps its pool; first m-1 hidden widths', () => {
    // 1 conv: 48 pad 1, pool: 32 -> 32 -> 16, flatten 48*16*16; 1 linear.
    expect(count('convnet', { options: { convLayers: 1, linearLayers: 1 } })).toBe(
      convParams(3, 48, 3) + linearParams(48 * 16 * 16, 10),
    );
    // 3 convs: 32 -> 32 -> 30 -> 15 -> 15 -> pool 7: flatten 96*7*7; 2 linears: 512, classes.
    expect(count('convnet', { options: { convLayers: 3, linearLayers: 2 } })).toBe(
      convParams(3, 48, 3) +
        convParams(48, 48, 3) +
        convParams(48, 96, 3) +
        linearParams(96 * 49, 512) +
        linearParams(512, 10),
    );
    // 0 convs = the linear preset.
    expect(count('convnet', { options: { convLayers: 0 } })).toBe(count('linear'));
  });

  it('linear: 1..3 layers from the ConvNet head', () => {
    const inF = 3 * 32 * 32;
    expect(count('linear')).toBe(
      linearParams(inF, 512) + linearParams(512, 256) + linearParams(256, 10),
    );
    expect(count('linear', { options: { layers: 2 } })).toBe(
      linearParams(inF, 512) + linearParams(512, 10),
    );
    expect(count('linear', { options: { layers: 1 } })).toBe(linearParams(inF, 10));
    expect(count('linear', { inputShape: [1, 28, 28], options: { layers: 1 } })).toBe(
      linearParams(784, 10),
    );
  });

  it("mlp: AnalogVNN's 784-256-128-10 has 235,146", () => {
    expect(linearParams(784, 256) + linearParams(256, 128) + linearParams(128, 10)).toBe(235_146);
    expect(count('mlp', { inputShape: [1, 28, 28] })).toBe(235_146);
    expect(count('mlp', { inputShape: [3, 32, 32], classes: 100 })).toBe(
      linearParams(3072, 256) + linearParams(256, 128) + linearParams(128, 100),
    );
    expect(count('mlp', { inputShape: [1, 28, 28], options: { hidden: [32] } })).toBe(
      linearParams(784, 32) + linearParams(32, 10),
    );
  });

  it('vgg-a (VGG-11, no BN) on 3x32x32', () => {
    const layout = [64, 128, 256, 256, 512, 512, 512, 512];
    let inC = 3;
    let convs = 0;
    for (const c of layout) {
      convs += convParams(inC, c, 3);
      inC = c;
    }
    expect(convs).toBe(9_220_480);
    expect(count('vgg-a')).toBe(convs + linearParams(512, 10)); // 9,225,610
    expect(count('vgg-a', { classes: 100 })).toBe(convs + linearParams(512, 100));
    expect(count('vgg-a', { options: { head: 'classic' } })).toBe(
      convs + linearParams(512, 4096) + linearParams(4096, 4096) + linearParams(4096, 10),
    );
  });

  it('resnet18 (CIFAR form) with 10 classes: 11,173,962', () => {
    const bn = (c: number) => 2 * c;
    let n = convParams(3, 64, 3, false) + bn(64);
    let inC = 64;
    for (const c of [64, 128, 256, 512]) {
      for (let k = 0; k < 2; k++) {
        n += convParams(inC, c, 3, false) + bn(c) + convParams(c, c, 3, false) + bn(c);
        if (inC !== c) n += convParams(inC, c, 1, false) + bn(c);
        inC = c;
      }
    }
    n += linearParams(512, 10);
    expect(n).toBe(11_173_962);
    expect(count('resnet18')).toBe(11_173_962);
    expect(count('resnet18', { classes: 100 })).toBe(
      11_173_962 - linearParams(512, 10) + linearParams(512, 100),
    );
  });

  it('vit: patch embedding, cls token, positions, depth x block, head', () => {
    const vitCount = (
      C: number,
      H: number,
      W: number,
      K: number,
      D: number,
      depth: number,
      ratio: number,
      P: number,
    ) => {
      const N = (H / P) * (W / P);
      const hidden = D * ratio;
      const block =
        2 * (2 * D) + 4 * linearParams(D, D) + linearParams(D, hidden) + linearParams(hidden, D);
      return (
        linearParams(C * P * P, D) + D + (N + 1) * D + depth * block + 2 * D + linearParams(D, K)
      );
    };
    // The paper's: 3x32x32, width 512, 8 heads, depth 6, MLP 512, patch 4.
    expect(count('vit')).toBe(vitCount(3, 32, 32, 10, 512, 6, 1, 4));
    expect(count('vit', { classes: 100, options: { depth: 4 } })).toBe(
      vitCount(3, 32, 32, 100, 512, 4, 1, 4),
    );
    expect(
      count('vit', {
        inputShape: [1, 28, 28],
        options: { dim: 64, heads: 4, depth: 2, mlpRatio: 4, patch: 7 },
      }),
    ).toBe(vitCount(1, 28, 28, 10, 64, 2, 4, 7));
  });
});

describe('buildModel errors', () => {
  it('unknown preset lists the valid names', () => {
    const e = (() => {
      try {
        buildModel('lenet', buildOpts());
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(ModelConfigError);
    for (const name of Object.keys(MODEL_PRESETS)) expect((e as Error).message).toContain(name);
    expect((e as Error).message).toContain('lenet');
  });

  it('bad preset options name the option', () => {
    expect(() => buildModel('convnet', buildOpts({ options: { convLayers: 7 } }))).toThrow(
      /convnet.*convLayers/,
    );
    expect(() => buildModel('convnet', buildOpts({ options: { linearLayers: 0 } }))).toThrow(
      /linearLayers/,
    );
    expect(() => buildModel('convnet', buildOpts({ options: { convLayers: 2.5 } }))).toThrow(
      /convLayers/,
    );
    expect(() => buildModel('linear', buildOpts({ options: { layers: 4 } }))).toThrow(
      /linear.*layers/,
    );
    expect(() => buildModel('vgg-a', buildOpts({ options: { head: 'imagenet' } }))).toThrow(/head/);
    expect(() => buildModel('mlp', buildOpts({ options: { hidden: [0] } }))).toThrow(/hidden/);
    expect(() => buildModel('resnet18', buildOpts({ options: { width: 'wide' } }))).toThrow(
      /width/,
    );
    expect(() => buildModel('vit', buildOpts({ options: { dim: 100, heads: 8 } }))).toThrow(
      /vit: option heads \(8\) must divide dim \(100\)/,
    );
    expect(() => buildModel('vit', buildOpts({ options: { patch: 5 } }))).toThrow(
      /vit: option patch/,
    );
    expect(() => buildModel('vit', buildOpts({ options: { inputEp: 1.5 } }))).toThrow(/inputEp/);
    expect(() => buildModel('vit', buildOpts({ options: { inputNoise: 'pink' } }))).toThrow(
      /inputNoise/,
    );
    // The ideal device does not quantise, so an EP without a precision is meaningless.
    expect(() => buildModel('vit', buildOpts({ options: { inputEp: 0.3 } }))).toThrow(
      /inputEp needs a precision: give inputP/,
    );
  });

  it('unknown options are errors that list the valid ones', () => {
    expect(() => buildModel('convnet', buildOpts({ options: { convlayers: 4 } }))).toThrow(
      /convlayers.*convLayers, linearLayers/,
    );
    const e = (() => {
      try {
        buildModel('linear', buildOpts({ options: { depth: 2 } }));
      } catch (err) {
        return err as ModelConfigError;
      }
    })();
    expect(e?.option).toBe('depth');
  });

  it('bad common options name the option', () => {
    expect(() => buildModel('mlp', buildOpts({ classes: 0 }))).toThrow(/classes/);
    expect(() =>
      buildModel('mlp', buildOpts({ inputShape: [1, 28] as unknown as [number, number, number] })),
    ).toThrow(/inputShape/);
    expect(() => buildModel('mlp', buildOpts({ seed: 0.5 }))).toThrow(/seed/);
    expect(() => buildModel('mlp', buildOpts({ analog: 'some' as 'all' }))).toThrow(/analog/);
  });

  it('an input too small for the pools is a clear error', () => {
    // VGG's five pools: 28 -> 14 -> 7 -> 3 -> 1 -> 0.
    expect(() => buildModel('vgg-a', buildOpts({ inputShape: [1, 28, 28] }))).toThrow(
      /vgg-a: the input is too small: maxpool 5 maps 1x1 to 0x0/,
    );
    expect(() => buildModel('convnet', buildOpts({ inputShape: [3, 8, 8] }))).toThrow(
      /convnet: the input is too small/,
    );
  });
});

/** Weight-layer entries of describeLayers, without the parameter-free or digital-only kinds. */
const weightLayers = (m: Model) =>
  describeLayers(m).filter((d) => d.kind === 'linear' || d.kind === 'conv2d');

describe('the analog option', () => {
  it("marks every weight layer ('all'), none ('none'), or all but the last linear ('all-but-head')", () => {
    for (const preset of ['mlp', 'linear', 'convnet', 'vgg-a']) {
      const all = weightLayers(buildModel(preset, buildOpts({ analog: 'all' })));
      const none = weightLayers(buildModel(preset, buildOpts({ analog: 'none' })));
      const head = weightLayers(buildModel(preset, buildOpts({ analog: 'all-but-head' })));
      expect(all.length).toBeGreaterThan(1);
      expect(all.every((d) => d.analog)).toBe(true);
      expect(none.every((d) => !d.analog)).toBe(true);
      expect(head.map((d) => d.analog)).toEqual(all.map((_, i) => i < all.length - 1));
      expect(head[head.length - 1].kind).toBe('linear');
    }
  });

  it('convnet lists 6 analog convs and 3 linears, the head digital with all-but-head', () => {
    const d = weightLayers(buildModel('convnet', buildOpts({ analog: 'all-but-head' })));
    expect(d.map((x) => x.kind)).toEqual([...Array(6).fill('conv2d'), ...Array(3).fill('linear')]);
    expect(d.map((x) => x.params).reduce((a, b) => a + b, 0)).toBe(1_172_410);
    expect(d.map((x) => x.analog)).toEqual([true, true, true, true, true, true, true, true, false]);
  });

  it('resnet18: 20 convs analog with all-but-head, BN digital, the head digital', () => {
    const m = buildModel('resnet18', buildOpts({ analog: 'all-but-head' }));
    const d = describeLayers(m);
    const convs = d.filter((x) => x.kind === 'conv2d');
    expect(convs.length).toBe(1 + 16 + 3);
    expect(convs.every((x) => x.analog)).toBe(true);
    expect(d.filter((x) => x.kind === 'batchnorm2d').every((x) => !x.analog)).toBe(true);
    const linears = d.filter((x) => x.kind === 'linear');
    expect(linears.map((x) => x.analog)).toEqual([false]);
    expect(d.reduce((n, x) => n + x.params, 0)).toBe(parameterCount(m));
  });
});

describe('vit: digital inside, noise on the input only', () => {
  const kinds = (m: Model) =>
    walkLayers(m.net)
      .slice(1, 3)
      .map((e) => e.layer.kind);

  it("ignores analog unless analogBlocks; then 'all-but-head' keeps the classifier digital", () => {
    const small = { dim: 16, heads: 2, depth: 2 };
    const digital = describeLayers(buildModel('vit', buildOpts({ analog: 'all', options: small })));
    expect(digital.length).toBeGreaterThan(0);
    expect(digital.every((d) => !d.analog)).toBe(true);
    const d = describeLayers(
      buildModel(
        'vit',
        buildOpts({ analog: 'all-but-head', options: { ...small, analogBlocks: true } }),
      ),
    );
    const weighted = d.filter((x) =>
      ['patch-embedding', 'transformer-block', 'class-token-head'].includes(x.kind),
    );
    expect(weighted.map((x) => [x.kind, x.analog])).toEqual([
      ['patch-embedding', true],
      ['transformer-block', true],
      ['transformer-block', true],
      ['class-token-head', false],
    ]);
  });

  it('puts a noise layer in front when there is a precision: from inputP, or from the device', async () => {
    const small = { dim: 16, heads: 2, depth: 1 };
    // The ideal device does not quantise: no sensor noise by default.
    expect(kinds(buildModel('vit', buildOpts({ options: small })))).toEqual([
      'patch-embedding',
      'cls-token',
    ]);
    const given = buildModel('vit', buildOpts({ options: { ...small, inputP: 16, inputEp: 0.2 } }));
    expect(kinds(given)).toEqual(['noise', 'patch-embedding']);
    // The copy --eval-noise-off evaluates has no sensor noise, whatever the options say.
    const quiet = buildModel('vit', {
      ...buildOpts({ options: { ...small, inputP: 16, inputEp: 0.2 } }),
      noiseFree: true,
    });
    expect(kinds(quiet)).toEqual(['patch-embedding', 'cls-token']);
    const layer = walkLayers(given.net)[1].layer as NoiseLayer;
    expect([layer.p, layer.noise.model, layer.noise.ep]).toEqual([16, 'gaussian', 0.2]);
    // A device with 4-bit inputs: p = 2^4 (the paper's convention), EP 0.5 by default.
    const ideal = new IdealDevice();
    const fourBit = {
      ...buildOpts().runtime,
      device: Object.assign(Object.create(ideal) as IdealDevice, {
        info: () => ({ ...ideal.info(), inputBits: 4 }),
      }),
    };
    const fromDevice = walkLayers(
      buildModel('vit', buildOpts({ runtime: fourBit, options: small })).net,
    )[1].layer as NoiseLayer;
    expect([fromDevice.kind, fromDevice.p, fromDevice.noise.ep]).toEqual(['noise', 16, 0.5]);
  });
});

describe('reproducible initialisation', () => {
  const values = (m: Model) => modelParams(m).map((p) => Array.from(p.value));

  it('the same seed gives the same weights, another seed other weights', () => {
    for (const preset of ['mlp', 'convnet']) {
      const a = values(buildModel(preset, buildOpts({ seed: 42 })));
      const b = values(buildModel(preset, buildOpts({ seed: 42 })));
      const c = values(buildModel(preset, buildOpts({ seed: 43 })));
      expect(b).toEqual(a);
      expect(c[0]).not.toEqual(a[0]);
    }
  });

  it('the analog choice does not change the initial weights', () => {
    const a = values(buildModel('convnet', buildOpts({ analog: 'all' })));
    const b = values(buildModel('convnet', buildOpts({ analog: 'none' })));
    expect(b).toEqual(a);
  });

  it('layers of the same shape start from different weights (seeds come from seed and layer index)', () => {
    const m = buildModel('resnet18', buildOpts({ seed: 3, options: { width: 4 } }));
    const w64 = modelParams(m).filter((p) => p.shape.join() === '4,4,3,3');
    expect(w64.length).toBe(4); // stage 1: 2 blocks x 2 convs (the stem is 3 -> 4)
    expect(new Set(w64.map((p) => Array.from(p.value.subarray(0, 8)).join())).size).toBe(4);
    expect(layerSeed(3, 0)).not.toBe(layerSeed(3, 1));
    expect(layerSeed(3, 0)).not.toBe(layerSeed(4, 0));
  });

  it('parameter names are unique (checkpoints key on them)', () => {
    for (const preset of ['convnet', 'resnet18']) {
      const names = modelParams(
        buildModel(preset, buildOpts({ options: preset === 'resnet18' ? { width: 2 } : {} })),
      ).map((p) => p.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});

describe('buffers and walking', () => {
  it('resnet18 exposes every BatchNorm running mean and var exactly once', () => {
    const m = buildModel('resnet18', buildOpts({ options: { width: 2 } }));
    const b = modelBuffers(m);
    // stem + 8 blocks x 2 + 3 projection shortcuts = 20 BatchNorms, two buffers each.
    expect(b.length).toBe(40);
    expect(new Set(b.map((x) => x.value)).size).toBe(40);
    expect(new Set(b.map((x) => x.name)).size).toBe(40);
  });

  it('the ConvNet walk reaches every layer of its Sequential', () => {
    const m = buildModel('convnet', buildOpts());
    const kinds = walkLayers(m.net).map((e) => e.layer.kind);
    expect(kinds.filter((k) => k === 'maxpool2d').length).toBe(3);
    expect(kinds.filter((k) => k === 'dropout').length).toBe(4);
    expect(kinds.filter((k) => k === 'activation').length).toBe(8);
  });
});
