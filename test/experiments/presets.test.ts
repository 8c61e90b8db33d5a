import { describe, expect, it } from 'vitest';
import {
  EXPERIMENT_PRESETS,
  PresetError,
  expandPreset,
  experimentPresetNames,
} from '../../src/experiments/index.js';
import { parseActivation } from '../../src/nn/activations.js';
import { parseDeviceUri } from '../../src/device/uri.js';
import { resolveTrainConfig } from '../../src/train/config.js';

describe('experiment presets', () => {
  it('has the paper sweeps', () => {
    expect(experimentPresetNames()).toEqual([
      'paper-linear',
      'paper-convnet',
      'paper-depth',
      'gelu-scale',
      'paper-vit',
      'paper-vgg-a',
      'paper-resnet18',
    ]);
  });

  it('paper-linear quick: 3 i x 3 EP x 1 p x 1 seed, relu-gelu:i on sim:paper with the seed', () => {
    const plan = expandPreset('paper-linear', { size: 'quick' });
    expect(plan.trials).toHaveLength(9);
    const t = plan.trials.find((x) => x.id === 'i0.5-ep0.8-p16-seed1')!;
    expect(t.cell).toEqual({ i: 0.5, ep: 0.8, p: 16, seed: 1 });
    expect(t.config).toMatchObject({
      model: 'linear',
      dataset: 'mnist',
      activation: 'relu-gelu:0.5',
      device: 'sim:paper?p=16&ep=0.8&seed=1',
      seed: 1,
    });
    expect(plan.trials.map((x) => x.config.activation)).toContain('relu-gelu:0');
    expect(plan.trials.map((x) => x.config.activation)).toContain('relu-gelu:1');
  });

  it('every trial of every size is a valid train config with a parseable activation and device', () => {
    for (const preset of EXPERIMENT_PRESETS) {
      for (const size of ['quick', 'full'] as const) {
        if (size === 'quick' && !preset.quick) continue;
        const plan = expandPreset(preset, { size, dataset: 'cifar10:/data/cifar' });
        const ids = new Set(plan.trials.map((t) => t.id));
        expect(ids.size).toBe(plan.trials.length);
        for (const t of plan.trials) {
          expect(t.id).toMatch(/^[\w.-]+$/);
          expect(() => resolveTrainConfig(t.config)).not.toThrow();
          expect(() => parseActivation(String(t.config.activation))).not.toThrow();
          const uri = parseDeviceUri(String(t.config.device));
          expect(uri.target).toBe('paper');
          expect(Number(uri.params.get('seed'))).toBe(t.config.seed);
          expect(Number(uri.params.get('ep'))).toBe(t.cell.ep);
          expect(Number(uri.params.get('p'))).toBe(t.cell.p);
        }
      }
    }
  });

  it('full sizes: the paper axes, i in steps of 0.1 without float drift', () => {
    const plan = expandPreset('paper-linear', { size: 'full', dataset: 'cifar10:/d' });
    expect(plan.axes.factors).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(plan.axes.eps).toEqual([0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]);
    expect(plan.axes.ps).toEqual([4, 8, 16, 32, 64]);
    expect(plan.seeds).toEqual([1, 2, 3]);
    expect(plan.trials).toHaveLength(11 * 7 * 5 * 3);
    expect(plan.trials.map((t) => t.config.activation)).toContain('relu-gelu:0.3');
    expect(plan.base).toMatchObject({ epochs: 200, batchSize: 1024, augment: true });
  });

  it('seeds, epochs and axes can be overridden', () => {
    const plan = expandPreset('paper-convnet', {
      seeds: 2,
      epochs: 1,
      factors: [0, 1],
      eps: [0.5],
      ps: [8, 16],
    });
    expect(plan.trials).toHaveLength(2 * 1 * 2 * 2);
    expect(plan.trials.every((t) => t.config.epochs === 1)).toBe(true);
    expect(plan.trials.map((t) => t.config.device)).toContain('sim:paper?p=8&ep=0.5&seed=2');
  });

  it('paper-depth: depth = conv + linear layers, passed as convnet options', () => {
    const plan = expandPreset('paper-depth', { size: 'quick' });
    expect(plan.trials).toHaveLength(6 * 3);
    const t = plan.trials.find((x) => x.id === 'c2-l3-i1-ep0.65-p16-seed1')!;
    expect(t.cell).toMatchObject({ convLayers: 2, linearLayers: 3, depth: 5, i: 1 });
    expect(t.config.modelOptions).toEqual({ convLayers: 2, linearLayers: 3 });
    const depths = new Set(plan.trials.map((x) => x.cell.depth));
    expect([...depths]).toEqual([1, 2, 3, 4, 5, 6]);
    const full = expandPreset('paper-depth', { size: 'full', dataset: 'cifar10:/d' });
    expect(new Set(full.trials.map((x) => x.cell.depth)).size).toBe(9);
  });

  it('gelu-scale sweeps gelu:s', () => {
    const plan = expandPreset('gelu-scale', {});
    expect(plan.trials).toHaveLength(4 * 2);
    expect(plan.trials[0]!.config.activation).toBe('gelu:0.5');
    expect(plan.trials[0]!.cell).toEqual({ s: 0.5, ep: 0.5, p: 16, seed: 1 });
    expect(() => expandPreset('gelu-scale', { factors: [0] })).toThrow(/--scales/);
    expect(() => expandPreset('paper-linear', { scales: [1] })).toThrow(/--factors/);
  });

  it('the ViT takes its input-sensor EP from the cell', () => {
    const plan = expandPreset('paper-vit', { size: 'full', dataset: 'cifar100:/d' });
    const t = plan.trials.find((x) => x.cell.ep === 0.8)!;
    expect(t.config.modelOptions).toMatchObject({ inputEp: 0.8 });
    expect(t.config.model).toBe('vit');
  });

  it('full-only presets and full sizes without data fail with a message naming --dataset', () => {
    expect(() => expandPreset('paper-vgg-a', { size: 'quick' })).toThrow(PresetError);
    expect(() => expandPreset('paper-vgg-a', { size: 'quick' })).toThrow(/--full --dataset/);
    expect(() => expandPreset('paper-resnet18', { size: 'full' })).toThrow(
      /--dataset cifar10:<dir> or cifar100:<dir>/,
    );
    expect(() => expandPreset('paper-linear', { size: 'full' })).toThrow(/--dataset/);
    expect(() => expandPreset('paper-vit', { size: 'full', dataset: 'mnist' })).toThrow(
      /is mnist: pass --dataset/,
    );
    expect(() => expandPreset('nope')).toThrow(/valid: paper-linear/);
    expect(() => expandPreset('paper-linear', { eps: [1] })).toThrow(/EP/);
    expect(() => expandPreset('paper-linear', { factors: [1.5] })).toThrow(/0 <= i <= 1/);
  });
});
