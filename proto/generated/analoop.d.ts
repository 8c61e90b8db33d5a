import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace analoop. */
export namespace analoop {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of an Envelope.
         * @deprecated Use analoop.v1.Envelope.$Properties instead.
         */
        interface IEnvelope extends analoop.v1.Envelope.$Properties {
        }

        /** Represents an Envelope. */
        class Envelope {

            /**
             * Constructs a new Envelope.
             * @param [properties] Properties to set
             */
            constructor(properties?: analoop.v1.Envelope.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Envelope requestId. */
            requestId: number;

            /** Envelope hello. */
            hello?: (analoop.v1.Hello.$Properties|null);

            /** Envelope deviceInfo. */
            deviceInfo?: (analoop.v1.DeviceInfo.$Properties|null);

            /** Envelope programWeights. */
            programWeights?: (analoop.v1.ProgramWeights.$Properties|null);

            /** Envelope programAck. */
            programAck?: (analoop.v1.ProgramAck.$Properties|null);

            /** Envelope matmulRequest. */
            matmulRequest?: (analoop.v1.MatMulRequest.$Properties|null);

            /** Envelope matmulResult. */
            matmulResult?: (analoop.v1.MatMulResult.$Properties|null);

            /** Envelope telemetry. */
            telemetry?: (analoop.v1.Telemetry.$Properties|null);

            /** Envelope probeRequest. */
            probeRequest?: (analoop.v1.ProbeRequest.$Properties|null);

            /** Envelope probeResult. */
            probeResult?: (analoop.v1.ProbeResult.$Properties|null);

            /** Envelope ping. */
            ping?: (analoop.v1.Ping.$Properties|null);

            /** Envelope pong. */
            pong?: (analoop.v1.Pong.$Properties|null);

            /** Envelope reset. */
            reset?: (analoop.v1.Reset.$Properties|null);

            /** Envelope resetAck. */
            resetAck?: (analoop.v1.ResetAck.$Properties|null);

            /** Envelope error. */
            error?: (analoop.v1.Error.$Properties|null);

            /** Envelope telemetryRequest. */
            telemetryRequest?: (analoop.v1.TelemetryRequest.$Properties|null);

            /** Envelope body. */
            body?: ("hello"|"deviceInfo"|"programWeights"|"programAck"|"matmulRequest"|"matmulResult"|"telemetry"|"probeRequest"|"probeResult"|"ping"|"pong"|"reset"|"resetAck"|"error"|"telemetryRequest");

            /**
             * Creates a new Envelope instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Envelope instance
             */
            static create(properties: analoop.v1.Envelope.$Shape): analoop.v1.Envelope & analoop.v1.Envelope.$Shape;
            static create(properties?: analoop.v1.Envelope.$Properties): analoop.v1.Envelope;

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link analoop.v1.Envelope.verify|verify} messages.
             * @param message Envelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: analoop.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Envelope message, length delimited. Does not implicitly {@link analoop.v1.Envelope.verify|verify} messages.
             * @param message Envelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: analoop.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {analoop.v1.Envelope & analoop.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): analoop.v1.Envelope & analoop.v1.Envelope.$Shape;

            /**
             * Decodes an Envelope message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {analoop.v1.Envelope & analoop.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): analoop.v1.Envelope & analoop.v1.Envelope.$Shape;

            /**
             * Verifies an Envelope message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Envelope
             */
            static fromObject(object: { [k: string]: any }): analoop.v1.Envelope;

            /**
             * Creates a plain object from an Envelope message. Also converts values to other types if specified.
             * @param message Envelope
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: analoop.v1.Envelope, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Envelope to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Envelope
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Envelope {

            /** Properties of an Envelope. */
            interface $Properties {

                /** Envelope requestId */
                requestId?: (number|null);

                /** Envelope hello */
                hello?: (analoop.v1.Hello.$Properties|null);

                /** Envelope deviceInfo */
                deviceInfo?: (analoop.v1.DeviceInfo.$Properties|null);

                /** Envelope programWeights */
                programWeights?: (analoop.v1.ProgramWeights.$Properties|null);

                /** Envelope programAck */
                programAck?: (analoop.v1.ProgramAck.$Properties|null);

                /** Envelope matmulRequest */
                matmulRequest?: (analoop.v1.MatMulRequest.$Properties|null);

                /** Envelope matmulResult */
                matmulResult?: (analoop.v1.MatMulResult.$Properties|null);

                /** Envelope telemetry */
                telemetry?: (analoop.v1.Telemetry.$Properties|null);

                /** Envelope probeRequest */
                probeRequest?: (analoop.v1.ProbeRequest.$Properties|null);

                /** Envelope probeResult */
                probeResult?: (analoop.v1.ProbeResult.$Properties|null);

                /** Envelope ping */
                ping?: (analoop.v1.Ping.$Properties|null);

                /** Envelope pong */
                pong?: (analoop.v1.Pong.$Properties|null);

                /** Envelope reset */
                reset?: (analoop.v1.Reset.$Properties|null);

                /** Envelope resetAck */
                resetAck?: (analoop.v1.ResetAck.$Properties|null);

                /** Envelope error */
                error?: (analoop.v1.Error.$Properties|null);

                /** Envelope telemetryRequest */
                telemetryRequest?: (analoop.v1.TelemetryRequest.$Properties|null);

                /** Envelope body */
                body?: ("hello"|"deviceInfo"|"programWeights"|"programAck"|"matmulRequest"|"matmulResult"|"telemetry"|"probeRequest"|"probeResult"|"ping"|"pong"|"reset"|"resetAck"|"error"|"telemetryRequest");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of an Envelope. */
            type $Shape = {
              requestId?: number|null;
              hello?: analoop.v1.Hello.$Shape|null;
              deviceInfo?: analoop.v1.DeviceInfo.$Shape|null;
              programWeights?: analoop.v1.ProgramWeights.$Shape|null;
              programAck?: analoop.v1.ProgramAck.$Shape|null;
              matmulRequest?: analoop.v1.MatMulRequest.$Shape|null;
              matmulResult?: analoop.v1.MatMulResult.$Shape|null;
              telemetry?: analoop.v1.Telemetry.$Shape|null;
              probeRequest?: analoop.v1.ProbeRequest.$Shape|null;
              probeResult?: analoop.v1.ProbeResult.$Shape|null;
              ping?: analoop.v1.Ping.$Shape|null;
              pong?: analoop.v1.Pong.$Shape|null;
              reset?: analoop.v1.Reset.$Shape|null;
              resetAck?: analoop.v1.ResetAck.$Shape|null;
              error?: analoop.v1.Error.$Shape|null;
              telemetryRequest?: analoop.v1.TelemetryRequest.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "hello"; hello: analoop.v1.Hello.$Shape; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "deviceInfo"; hello?: null; deviceInfo: analoop.v1.DeviceInfo.$Shape; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "programWeights"; hello?: null; deviceInfo?: null; programWeights: analoop.v1.ProgramWeights.$Shape; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "programAck"; hello?: null; deviceInfo?: null; programWeights?: null; programAck: analoop.v1.ProgramAck.$Shape; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "matmulRequest"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest: analoop.v1.MatMulRequest.$Shape; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "matmulResult"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult: analoop.v1.MatMulResult.$Shape; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "telemetry"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry: analoop.v1.Telemetry.$Shape; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "probeRequest"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest: analoop.v1.ProbeRequest.$Shape; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "probeResult"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult: analoop.v1.ProbeResult.$Shape; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "ping"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping: analoop.v1.Ping.$Shape; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "pong"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong: analoop.v1.Pong.$Shape; reset?: null; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "reset"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset: analoop.v1.Reset.$Shape; resetAck?: null; error?: null; telemetryRequest?: null }|{ body?: "resetAck"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck: analoop.v1.ResetAck.$Shape; error?: null; telemetryRequest?: null }|{ body?: "error"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error: analoop.v1.Error.$Shape; telemetryRequest?: null }|{ body?: "telemetryRequest"; hello?: null; deviceInfo?: null; programWeights?: null; programAck?: null; matmulRequest?: null; matmulResult?: null; telemetry?: null; probeRequest?: null; probeResult?: null; ping?: null; pong?: null; reset?: null; resetAck?: null; error?: null; telemetryRequest: analoop.v1.TelemetryRequest.$Shape })
            );
        }

        /**
         * Properties of a Hello.
         * @deprecated Use analoop.v1.Hello.$Properties instead.
         */
        interface IHello extends analoop.v1.Hello.$Properties {
        }

        /** Represents a Hello. */
        class Hello {

            /**
             * Constructs a new Hello.
             * @param [properties] Properties to set
             */
            constructor(properties?: analoop.v1.Hello.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Hello protocolVersion. */
            protocolVersion: number;

            /** Hello host. */
            host: string;

            /**
             * Creates a new Hello instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Hello instance
             */
            static create(properties: analoop.v1.Hello.$Shape): analoop.v1.Hello & analoop.v1.Hello.$Shape;
            static create(properties?: analoop.v1.Hello.$Properties): analoop.v1.Hello;

            /**
             * Encodes the specified Hello message. Does not implicitly {@link analoop.v1.Hello.verify|verify} messages.
             * @param message Hello message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: analoop.v1.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Hello message, length delimited. Does not implicitly {@link analoop.v1.Hello.verify|verify} messages.
             * @param message Hello message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: analoop.v1.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {analoop.v1.Hello & analoop.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): analoop.v1.Hello & analoop.v1.Hello.$Shape;

            /**
             * Decodes a Hello message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {analoop.v1.Hello & analoop.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): analoop.v1.Hello & analoop.v1.Hello.$Shape;

            /**
             * Verifies a Hello message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Hello message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Hello
             */
            static fromObject(object: { [k: string]: any }): analoop.v1.Hello;

            /**
             * Creates a plain object from a Hello message. Also converts values to other types if specified.
             * @param message Hello
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: analoop.v1.Hello, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Hello to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Hello
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Hello {

            /** Properties of a Hello. */
            interface $Properties {

                /** Hello protocolVersion */
                protocolVersion?: (number|null);

                /** Hello host */
                host?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Hello. */
            type $Shape = analoop.v1.Hello.$Properties;
        }

        /** DeviceKind enum. */
        enum DeviceKind {

            /** DEVICE_KIND_UNSPECIFIED value */
            DEVICE_KIND_UNSPECIFIED = 0,

            /** PHOTONIC value */
            PHOTONIC = 1,

            /** MEMRISTIVE value */
            MEMRISTIVE = 2,

            /** SIMULATED value */
            SIMULATED = 3
        }

        /**
         * Properties of a Range.
         * @deprecated Use analoop.v1.Range.$Properties instead.
         */
        interface IRange extends analoop.v1.Range.$Properties {
        }

        /** Represents a Range. */
        class Range {

            /**
             * Constructs a new Range.
             * @param [properties] Properties to set
             */
            constructor(properties?: analoop.v1.Range.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Range lo. */
            lo: number;

            /** Range hi. */
            hi: number;

            /**
             * Creates a new Range instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Range instance
             */
            static create(properties: analoop.v1.Range.$Shape): analoop.v1.Range & analoop.v1.Range.$Shape;
            static create(properties?: analoop.v1.Range.$Properties): analoop.v1.Range;

            /**
             * Encodes the specified Range message. Does not implicitly {@link analoop.v1.Range.verify|verify} messages.
             * @param message Range message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: analoop.v1.Range.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Range message, length delimited. Does not implicitly {@link analoop.v1.Range.verify|verify} messages.
             * @param message Range message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: analoop.v1.Range.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Range message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {analoop.v1.Range & analoop.v1.Range.$Shape} Range
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): analoop.v1.Range & analoop.v1.Range.$Shape;

            /**
             * Decodes a Range message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {analoop.v1.Range & analoop.v1.Range.$Shape} Range
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): analoop.v1.Range & analoop.v1.Range.$Shape;

            /**
             * Verifies a Range message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Range message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Range
             */
            static fromObject(object: { [k: string]: any }): analoop.v1.Range;

            /**
             * Creates a plain object from a Range message. Also converts values to other types if specified.
             * @param message Range
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: analoop.v1.Range, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Range to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Range
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Range {

            /** Properties of a Range. */
            interface $Properties {

                /** Range lo */
                lo?: (number|null);

                /** Range hi */
                hi?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Range. */
            type $Shape = analoop.v1.Range.$Properties;
        }

        /**
         * Properties of a Converter.
         * @deprecated Use analoop.v1.Converter.$Properties instead.
         */
        interface IConverter extends analoop.v1.Converter.$Properties {
        }

        /** Represents a Converter. */
        class Converter {

            /**
             * Constructs a new Converter.
             * @param [properties] Properties to set
             */
            constructor(properties?: analoop.v1.Converter.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Converter bits. */
            bits: number;

            /** Converter scale. */
            scale: number;

            /** Converter range. */
            range?: (analoop.v1.Range.$Properties|null);

            /**
             * Creates a new Converter instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Converter instance
             */
            static create(properties: analoop.v1.Converter.$Shape): analoop.v1.Converter & analoop.v1.Converter.$Shape;
            static create(properties?: analoop.v1.Converter.$Properties): analoop.v1.Converter;

            /**
             * Encodes the specified Converter message. Does not implicitly {@link analoop.v1.Converter.verify|verify} messages.
             * @param message Converter message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: analoop.v1.Converter.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Converter message, length delimited. Does not implicitly {@link analoop.v1.Converter.verify|verify} messages.
             * @param message Converter message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: analoop.v1.Converter.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Converter message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {analoop.v1.Converter & analoop.v1.Converter.$Shape} Converter
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): analoop.v1.Converter & analoop.v1.Converter.$Shape;

            /**
             * Decodes a Converter message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {analoop.v1.Converter & analoop.v1.Converter.$Shape} Converter
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): analoop.v1.Converter & analoop.v1.Converter.$Shape;

            /**
             * Verifies a Converter message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Converter message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Converter
             */
            static fromObject(object: { [k: string]: any }): analoop.v1.Converter;

            /**
             * Creates a plain object from a Converter message. Also converts values to other types if specified.
             * @param message Converter
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: analoop.v1.Converter, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Converter to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Converter
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Converter {

            /** Properties of a Converter. */
            interface $Properties {

                /** Converter bits */
                bits?: (number|null);

                /** Converter scale */
                scale?: (number|null);

                /** Converter range */
                range?: (analoop.v1.Range.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Converter. */
            type $Shape = analoop.v1.Converter.$Properties;
        }

        /**
         * Properties of a DeviceInfo.
         * @deprecated Use analoop.v1.DeviceInfo.$Properties instead.
         */
        interface IDeviceInfo extends analoop.v1.DeviceInfo.$Properties {
        }

        /** Represents a DeviceInfo. */
        class DeviceInfo {

            /**
             * Constructs a new DeviceInfo.
             * @param [properties] Properties to set
             */
            constructor(properties?: analoop.v1.DeviceInfo.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DeviceInfo protocolVersion. */
            protocolVersion: number;

            /** DeviceInfo kind. */
            kind: analoop.v1.DeviceKind;

            /** DeviceInfo model. */
            model: string;

            /** DeviceInfo firmware. */
            firmware: string;

            /** DeviceInfo serial. */
            serial: string;

            /** DeviceInfo rows. */
            rows: number;

            /** DeviceInfo cols. */
            cols: number;

            /** DeviceInfo tiles. */
            tiles: number;

            /** DeviceInfo dac. */
            dac?: (analoop.v1.Converter.$Properties|null);

            /** DeviceInfo adc. */
            adc?: (analoop.v1.Converter.$Properties|null);

            /** DeviceInfo weight. */
            weight?: (analoop.v1.Converter.$Properties|null);

            /** DeviceInfo maxBatch. */
            maxBatch: number;

            /** DeviceInfo creditWindow. */
            creditWindow: number;

            /** DeviceInfo conductanceMinUs. */
            conductanceMinUs: number;

            /** DeviceInfo conductanceMaxUs. */
            conductanceMaxUs: number;

            /** DeviceInfo inputConversion. */
            inputConversion: analoop.v1.InputConversion;

            /**
             * Creates a new DeviceInfo instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DeviceInfo instance
             */
            static create(properties: analoop.v1.DeviceInfo.$Shape): analoop.v1.DeviceInfo & analoop.v1.DeviceInfo.$Shape;
            static create(properties?: analoop.v1.DeviceInfo.$Properties): analoop.v1.DeviceInfo;

            /**
             * Encodes the specified DeviceInfo message. Does not implicitly {@link analoop.v1.DeviceInfo.verify|verify} messages.
             * @param message DeviceInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: analoop.v1.DeviceInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified DeviceInfo message, length delimited. Does not implicitly {@link analoop.v1.DeviceInfo.verify|verify} messages.
             * @param message DeviceInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: analoop.v1.DeviceInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DeviceInfo message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {analoop.v1.DeviceInfo & analoop.v1.DeviceInfo.$Shape} DeviceInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): analoop.v1.DeviceInfo & analoop.v1.DeviceInfo.$Shape;

            /**
             * Decodes a DeviceInfo message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {analoop.v1.DeviceInfo & analoop.v1.DeviceInfo.$Shape} DeviceInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): analoop.v1.DeviceInfo & analoop.v1.DeviceInfo.$Shape;

            /**
             * Verifies a DeviceInfo message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a DeviceInfo message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns DeviceInfo
             */
            static fromObject(object: { [k: string]: any }): analoop.v1.DeviceInfo;

            /**
             * Creates a plain object from a DeviceInfo message. Also converts values to other types if specified.
             * @param message DeviceInfo
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: analoop.v1.DeviceInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DeviceInfo to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for DeviceInfo
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeviceInfo {

            /** Properties of a DeviceInfo. */
            interface $Properties {

                /** DeviceInfo protocolVersion */
                protocolVersion?: (number|null);

                /** DeviceInfo kind */
                kind?: (analoop.v1.DeviceKind|null);

                /** DeviceInfo model */
                model?: (string|null);

                /** DeviceInfo firmware */
                firmware?: (string|null);

                /** DeviceInfo serial */
                serial?: (string|null);

                /** DeviceInfo rows */
                rows?: (number|null);

                /** DeviceInfo cols */
                cols?: (number|null);

                /** DeviceInfo tiles */
                tiles?: (number|null);

                /** DeviceInfo dac */
                dac?: (analoop.v1.Converter.$Properties|null);

                /** DeviceInfo adc */
                adc?: (analoop.v1.Converter.$Properties|null);

                /** DeviceInfo weight */
                weight?: (analoop.v1.Converter.$Properties|null);

                /** DeviceInfo maxBatch */
                maxBatch?: (number|null);

                /** DeviceInfo creditWindow */
                creditWindow?: (number|null);

                /** DeviceInfo conductanceMinUs */
                conductanceMinUs?: (number|null);

                /** DeviceInfo conductanceMaxUs */
                conductanceMaxUs?: (number|null);

                /** DeviceInfo inputConversion */
                inputConversion?: (analoop.v1.InputConversion|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DeviceInfo. */
            type $Shape = analoop.v1.DeviceInfo.$Properties;
        }

        /** InputConversion enum. */
        enum InputConversion {

            /** PER_ELEMENT value */
            PER_ELEMENT = 0,

            /** PER_SOURCE value */
            PER_SOURCE = 1
        }

        /**
         * Properties of a ProgramWeights.
         * @deprecated Use analoop.v1.ProgramWeights.$Properties instead.
         */
        interface IProgramWeights extends analoop.v1.ProgramWeights.$Properties {
        }

        /** Represents a ProgramWeights. */
        class ProgramWeights {

            /**
             * Constructs a new ProgramWeights.
             * @param [properties] Properties to set
             */
            constructor(properties?: analoop.v1.ProgramWeights.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ProgramWeights tile. */
            tile: number;

            /** ProgramWeights rows. */
            rows: number;

            /** ProgramWeights cols. */
            cols: number;

            /** ProgramWeights codes. */
            codes: Uint8Array;

            /** ProgramWeights verify. */
            verify: boolean;

            /**
             * Creates a new ProgramWeights instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ProgramWeights instance
             */
            static create(properties: analoop.v1.ProgramWeights.$Shape): analoop.v1.ProgramWeights & analoop.v1.ProgramWeights.$Shape;
            static create(properties?: analoop.v1.ProgramWeights.$Properties): analoop.v1.ProgramWeights;

            /**
             * Encodes the specified ProgramWeights message. Does not implicitly {@link analoop.v1.ProgramWeights.verify|verify} messages.
             * @param message ProgramWeights message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: analoop.v1.ProgramWeights.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ProgramWeights message, length delimited. Does not implicitly {@link analoop.v1.ProgramWeights.verify|verify} messages.
             * @param message ProgramWeights message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: analoop.v1.ProgramWeights.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ProgramWeights message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {analoop.v1.ProgramWeights & analoop.v1.ProgramWeights.$Shape} ProgramWeights
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): analoop.v1.ProgramWeights & analoop.v1.ProgramWeights.$Shape;

            /**
             * Decodes a ProgramWeights message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {analoop.v1.ProgramWeights & analoop.v1.ProgramWeights.$Shape} ProgramWeights
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): analoop.v1.ProgramWeights & analoop.v1.ProgramWeights.$Shape;

            /**
             * Verifies a ProgramWeights message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ProgramWeights message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ProgramWeights
             */
            static fromObject(object: { [k: string]: any }): analoop.v1.ProgramWeights;

            /**
             * Creates a plain object from a ProgramWeights message. Also converts values to other types if specified.
             * @param message ProgramWeights
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: analoop.v1.ProgramWeights, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ProgramWeights to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ProgramWeights
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ProgramWeights {

            /** Properties of a ProgramWeights. */
            interface $Properties {

                /** ProgramWeights tile */
                tile?: (number|null);

                /** ProgramWeights rows */
                rows?: (number|null);

                /** ProgramWeights cols */
                cols?: (number|null);

                /** ProgramWeights codes */
                codes?: (Uint8Array|null);

                /** ProgramWeights verify */
                verify?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ProgramWeights. */
            type $Shape = analoop.v1.ProgramWeights.$Properties;
        }

        /**
         * Properties of a ProgramAck.
         * @deprecated Use analoop.v1.ProgramAck.$Properties instead.
         */
        interface IProgramAck extends analoop.v1.ProgramAck.$Properties {
        }

        /** Represents a ProgramAck. */
        class ProgramAck {

            /**
             * Constructs a new ProgramAck.
             * @param [properties] Properties to set
             */
            constructor(properties?: analoop.v1.ProgramAck.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ProgramAck tile. */
            tile: number;

            /** ProgramAck readback. */
            readback: Uint8Array;

            /**
             * Creates a new ProgramAck instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ProgramAck instance
             */
            static create(properties: analoop.v1.ProgramAck.$Shape): analoop.v1.ProgramAck & analoop.v1.ProgramAck.$Shape;
            static create(properties?: analoop.v1.ProgramAck.$Properties): analoop.v1.ProgramAck;

            /**
             * Encodes the specified ProgramAck message. Does not implicitly {@link analoop.v1.ProgramAck.verify|verify} messages.
             * @param message ProgramAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: analoop.v1.ProgramAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ProgramAck message, length delimited. Does not implicitly {@link analoop.v1.ProgramAck.verify|verify} messages.
             * @param message ProgramAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: analoop.v1.ProgramAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ProgramAck message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {analoop.v1.ProgramAck & analoop.v1.ProgramAck.$Shape} ProgramAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): analoop.v1.ProgramAck & analoop.v1.ProgramAck.$Shape;

            /**
             * Decodes a ProgramAck message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {analoop.v1.ProgramAck & analoop.v1.ProgramAck.$Shape} ProgramAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): analoop.v1.ProgramAck & analoop.v1.ProgramAck.$Shape;

            /**
             * Verifies a ProgramAck message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ProgramAck message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ProgramAck
             */
            static fromObject(object: { [k: string]: any }): analoop.v1.ProgramAck;

            /**
             * Creates a plain object from a ProgramAck message. Also converts values to other types if specified.
             * @param message ProgramAck
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: analoop.v1.ProgramAck, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ProgramAck to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ProgramAck
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ProgramAck {

            /** Properties of a ProgramAck. */
            interface $Properties {

                /** ProgramAck tile */
                tile?: (number|null);

                /** ProgramAck readback */
                readback?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ProgramAck. */
            type $Shape = analoop.v1.ProgramAck.$Properties;
        }

        /**
         * Properties of a MatMulRequest.
         * @deprecated Use analoop.v1.MatMulRequest.$Properties instead.
         */
        interface IMatMulRequest extends analoop.v1.MatMulRequest.$Properties {
        }

        /** Represents a MatMulRequest. */
        class MatMulRequest {

            /**
             * Constructs a new MatMulRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: analoop.v1.MatMulRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MatMulRequest tile. */
            tile: number;

            /** MatMulRequest batch. */
            batch: number;

            /** MatMulRequest cols. */
            cols: number;

            /** MatMulRequest inputCodes. */
            inputCodes: Uint8Array;

            /** MatMulRequest draw. */
            draw: number;

            /** MatMulRequest rowOffset. */
            rowOffset: number;

            /** MatMulRequest inputSource. */
            inputSource: number[];

            /** MatMulRequest sourceOffset. */
            sourceOffset: number;

            /** MatMulRequest sourceTile. */
            sourceTile?: (number|null);

            /**
             * Creates a new MatMulRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MatMulRequest instance
             */
            static create(properties: analoop.v1.MatMulRequest.$Shape): analoop.v1.MatMulRequest & analoop.v1.MatMulRequest.$Shape;
            static create(properties?: analoop.v1.MatMulRequest.$Properties): analoop.v1.MatMulRequest;

            /**
             * Encodes the specified MatMulRequest message. Does not implicitly {@link analoop.v1.MatMulRequest.verify|verify} messages.
             * @param message MatMulRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: analoop.v1.MatMulRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified MatMulRequest message, length delimited. Does not implicitly {@link analoop.v1.MatMulRequest.verify|verify} messages.
             * @param message MatMulRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: analoop.v1.MatMulRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MatMulRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {analoop.v1.MatMulRequest & analoop.v1.MatMulRequest.$Shape} MatMulRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): analoop.v1.MatMulRequest & analoop.v1.MatMulRequest.$Shape;

            /**
             * Decodes a MatMulRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {analoop.v1.MatMulRequest & analoop.v1.MatMulRequest.$Shape} MatMulRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): analoop.v1.MatMulRequest & analoop.v1.MatMulRequest.$Shape;

            /**
             * Verifies a MatMulRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a MatMulRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns MatMulRequest
             */
            static fromObject(object: { [k: string]: any }): analoop.v1.MatMulRequest;

            /**
             * Creates a plain object from a MatMulRequest message. Also converts values to other types if specified.
             * @param message MatMulRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: analoop.v1.MatMulRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this MatMulRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for MatMulRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace MatMulRequest {

            /** Properties of a MatMulRequest. */
            interface $Properties {

                /** MatMulRequest tile */
                tile?: (number|null);

                /** MatMulRequest batch */
                batch?: (number|null);

                /** MatMulRequest cols */
                cols?: (number|null);

                /** MatMulRequest inputCodes */
                inputCodes?: (Uint8Array|null);

                /** MatMulRequest draw */
                draw?: (number|null);

                /** MatMulRequest rowOffset */
                rowOffset?: (number|null);

                /** MatMulRequest inputSource */
                inputSource?: (number[]|null);

                /** MatMulRequest sourceOffset */
                sourceOffset?: (number|null);

                /** MatMulRequest sourceTile */
                sourceTile?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a MatMulRequest. */
            type $Shape = analoop.v1.MatMulRequest.$Properties;
        }

        /**
         * Properties of a MatMulResult.
         * @deprecated Use analoop.v1.MatMulResult.$Properties instead.
         */
        interface IMatMulResult extends analoop.v1.MatMulResult.$Properties {
        }

        /** Represents a MatMulResult. */
        class MatMulResult {

            /**
             * Constructs a new MatMulResult.
             * @param [properties] Properties to set
             */
            constructor(properties?: analoop.v1.MatMulResult.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MatMulResult tile. */
            tile: number;

            /** MatMulResult batch. */
            batch: number;

            /** MatMulResult rows. */
            rows: number;

            /** MatMulResult outputCodes. */
            outputCodes: Uint8Array;

            /**
             * Creates a new MatMulResult instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MatMulResult instance
             */
            static create(properties: analoop.v1.MatMulResult.$Shape): analoop.v1.MatMulResult & analoop.v1.MatMulResult.$Shape;
            static create(properties?: analoop.v1.MatMulResult.$Properties): analoop.v1.MatMulResult;

            /**
             * Encodes the specified MatMulResult message. Does not implicitly {@link analoop.v1.MatMulResult.verify|verify} messages.
             * @param message MatMulResult message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: analoop.v1.MatMulResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified MatMulResult message, length delimited. Does not implicitly {@link analoop.v1.MatMulResult.verify|verify} messages.
             * @param message MatMulResult message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: analoop.v1.MatMulResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MatMulResult message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {analoop.v1.MatMulResult & analoop.v1.MatMulResult.$Shape} MatMulResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): analoop.v1.MatMulResult & analoop.v1.MatMulResult.$Shape;

            /**
             * Decodes a MatMulResult message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {analoop.v1.MatMulResult & analoop.v1.MatMulResult.$Shape} MatMulResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): analoop.v1.MatMulResult & analoop.v1.MatMulResult.$Shape;

            /**
             * Verifies a MatMulResult message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a MatMulResult message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns MatMulResult
             */
            static fromObject(object: { [k: string]: any }): analoop.v1.MatMulResult;

            /**
             * Creates a plain object from a MatMulResult message. Also converts values to other types if specified.
             * @param message MatMulResult
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: analoop.v1.MatMulResult, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this MatMulResult to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for MatMulResult
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace MatMulResult {

            /** Properties of a MatMulResult. */
            interface $Properties {

                /** MatMulResult tile */
                tile?: (number|null);

                /** MatMulResult batch */
                batch?: (number|null);

                /** MatMulResult rows */
                rows?: (number|null);

                /** MatMulResult outputCodes */
                outputCodes?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a MatMulResult. */
            type $Shape = analoop.v1.MatMulResult.$Properties;
        }

        /**
         * Properties of a TelemetryRequest.
         * @deprecated Use analoop.v1.TelemetryRequest.$Properties instead.
         */
        interface ITelemetryRequest extends analoop.v1.TelemetryRequest.$Properties {
        }

        /** Represents a TelemetryRequest. */
        class TelemetryRequest {

            /**
             * Constructs a new TelemetryRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: analoop.v1.TelemetryRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /**
             * Creates a new TelemetryRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TelemetryRequest instance
             */
            static create(properties: analoop.v1.TelemetryRequest.$Shape): analoop.v1.TelemetryRequest & analoop.v1.TelemetryRequest.$Shape;
            static create(properties?: analoop.v1.TelemetryRequest.$Properties): analoop.v1.TelemetryRequest;

            /**
             * Encodes the specified TelemetryRequest message. Does not implicitly {@link analoop.v1.TelemetryRequest.verify|verify} messages.
             * @param message TelemetryRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: analoop.v1.TelemetryRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified TelemetryRequest message, length delimited. Does not implicitly {@link analoop.v1.TelemetryRequest.verify|verify} messages.
             * @param message TelemetryRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: analoop.v1.TelemetryRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TelemetryRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {analoop.v1.TelemetryRequest & analoop.v1.TelemetryRequest.$Shape} TelemetryRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): analoop.v1.TelemetryRequest & analoop.v1.TelemetryRequest.$Shape;

            /**
             * Decodes a TelemetryRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {analoop.v1.TelemetryRequest & analoop.v1.TelemetryRequest.$Shape} TelemetryRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): analoop.v1.TelemetryRequest & analoop.v1.TelemetryRequest.$Shape;

            /**
             * Verifies a TelemetryRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TelemetryRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TelemetryRequest
             */
            static fromObject(object: { [k: string]: any }): analoop.v1.TelemetryRequest;

            /**
             * Creates a plain object from a TelemetryRequest message. Also converts values to other types if specified.
             * @param message TelemetryRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: analoop.v1.TelemetryRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TelemetryRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for TelemetryRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TelemetryRequest {

            /** Properties of a TelemetryRequest. */
            interface $Properties {

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TelemetryRequest. */
            type $Shape = analoop.v1.TelemetryRequest.$Properties;
        }

        /**
         * Properties of a Telemetry.
         * @deprecated Use analoop.v1.Telemetry.$Properties instead.
         */
        interface ITelemetry extends analoop.v1.Telemetry.$Properties {
        }

        /** Represents a Telemetry. */
        class Telemetry {

            /**
             * Constructs a new Telemetry.
             * @param [properties] Properties to set
             */
            constructor(properties?: analoop.v1.Telemetry.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Telemetry temperatureC. */
            temperatureC: number;

            /** Telemetry opticalPowerMw. */
            opticalPowerMw: number;

            /** Telemetry conductanceMeanUs. */
            conductanceMeanUs: number;

            /** Telemetry conductanceStdUs. */
            conductanceStdUs: number;

            /** Telemetry uptimeMs. */
            uptimeMs: number;

            /** Telemetry crcErrors. */
            crcErrors: number;

            /** Telemetry framingErrors. */
            framingErrors: number;

            /** Telemetry duplicateRequests. */
            duplicateRequests: number;

            /** Telemetry droppedFrames. */
            droppedFrames: number;

            /**
             * Creates a new Telemetry instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Telemetry instance
             */
            static create(properties: analoop.v1.Telemetry.$Shape): analoop.v1.Telemetry & analoop.v1.Telemetry.$Shape;
            static create(properties?: analoop.v1.Telemetry.$Properties): analoop.v1.Telemetry;

            /**
             * Encodes the specified Telemetry message. Does not implicitly {@link analoop.v1.Telemetry.verify|verify} messages.
             * @param message Telemetry message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: analoop.v1.Telemetry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Telemetry message, length delimited. Does not implicitly {@link analoop.v1.Telemetry.verify|verify} messages.
             * @param message Telemetry message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: analoop.v1.Telemetry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Telemetry message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {analoop.v1.Telemetry & analoop.v1.Telemetry.$Shape} Telemetry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): analoop.v1.Telemetry & analoop.v1.Telemetry.$Shape;

            /**
             * Decodes a Telemetry message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {analoop.v1.Telemetry & analoop.v1.Telemetry.$Shape} Telemetry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): analoop.v1.Telemetry & analoop.v1.Telemetry.$Shape;

            /**
             * Verifies a Telemetry message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Telemetry message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Telemetry
             */
            static fromObject(object: { [k: string]: any }): analoop.v1.Telemetry;

            /**
             * Creates a plain object from a Telemetry message. Also converts values to other types if specified.
             * @param message Telemetry
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: analoop.v1.Telemetry, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Telemetry to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Telemetry
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Telemetry {

            /** Properties of a Telemetry. */
            interface $Properties {

                /** Telemetry temperatureC */
                temperatureC?: (number|null);

                /** Telemetry opticalPowerMw */
                opticalPowerMw?: (number|null);

                /** Telemetry conductanceMeanUs */
                conductanceMeanUs?: (number|null);

                /** Telemetry conductanceStdUs */
                conductanceStdUs?: (number|null);

                /** Telemetry uptimeMs */
                uptimeMs?: (number|null);

                /** Telemetry crcErrors */
                crcErrors?: (number|null);

                /** Telemetry framingErrors */
                framingErrors?: (number|null);

                /** Telemetry duplicateRequests */
                duplicateRequests?: (number|null);

                /** Telemetry droppedFrames */
                droppedFrames?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Telemetry. */
            type $Shape = analoop.v1.Telemetry.$Properties;
        }

        /**
         * Properties of a ProbeRequest.
         * @deprecated Use analoop.v1.ProbeRequest.$Properties instead.
         */
        interface IProbeRequest extends analoop.v1.ProbeRequest.$Properties {
        }

        /** Represents a ProbeRequest. */
        class ProbeRequest {

            /**
             * Constructs a new ProbeRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: analoop.v1.ProbeRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ProbeRequest tile. */
            tile: number;

            /** ProbeRequest inputIndex. */
            inputIndex: number;

            /** ProbeRequest inputCode. */
            inputCode: number;

            /** ProbeRequest repeats. */
            repeats: number;

            /**
             * Creates a new ProbeRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ProbeRequest instance
             */
            static create(properties: analoop.v1.ProbeRequest.$Shape): analoop.v1.ProbeRequest & analoop.v1.ProbeRequest.$Shape;
            static create(properties?: analoop.v1.ProbeRequest.$Properties): analoop.v1.ProbeRequest;

            /**
             * Encodes the specified ProbeRequest message. Does not implicitly {@link analoop.v1.ProbeRequest.verify|verify} messages.
             * @param message ProbeRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: analoop.v1.ProbeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ProbeRequest message, length delimited. Does not implicitly {@link analoop.v1.ProbeRequest.verify|verify} messages.
             * @param message ProbeRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: analoop.v1.ProbeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ProbeRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {analoop.v1.ProbeRequest & analoop.v1.ProbeRequest.$Shape} ProbeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): analoop.v1.ProbeRequest & analoop.v1.ProbeRequest.$Shape;

            /**
             * Decodes a ProbeRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {analoop.v1.ProbeRequest & analoop.v1.ProbeRequest.$Shape} ProbeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): analoop.v1.ProbeRequest & analoop.v1.ProbeRequest.$Shape;

            /**
             * Verifies a ProbeRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ProbeRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ProbeRequest
             */
            static fromObject(object: { [k: string]: any }): analoop.v1.ProbeRequest;

            /**
             * Creates a plain object from a ProbeRequest message. Also converts values to other types if specified.
             * @param message ProbeRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: analoop.v1.ProbeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ProbeRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ProbeRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ProbeRequest {

            /** Properties of a ProbeRequest. */
            interface $Properties {

                /** ProbeRequest tile */
                tile?: (number|null);

                /** ProbeRequest inputIndex */
                inputIndex?: (number|null);

                /** ProbeRequest inputCode */
                inputCode?: (number|null);

                /** ProbeRequest repeats */
                repeats?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ProbeRequest. */
            type $Shape = analoop.v1.ProbeRequest.$Properties;
        }

        /**
         * Properties of a ProbeResult.
         * @deprecated Use analoop.v1.ProbeResult.$Properties instead.
         */
        interface IProbeResult extends analoop.v1.ProbeResult.$Properties {
        }

        /** Represents a ProbeResult. */
        class ProbeResult {

            /**
             * Constructs a new ProbeResult.
             * @param [properties] Properties to set
             */
            constructor(properties?: analoop.v1.ProbeResult.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ProbeResult tile. */
            tile: number;

            /** ProbeResult repeats. */
            repeats: number;

            /** ProbeResult rows. */
            rows: number;

            /** ProbeResult rawOutputCodes. */
            rawOutputCodes: Uint8Array;

            /**
             * Creates a new ProbeResult instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ProbeResult instance
             */
            static create(properties: analoop.v1.ProbeResult.$Shape): analoop.v1.ProbeResult & analoop.v1.ProbeResult.$Shape;
            static create(properties?: analoop.v1.ProbeResult.$Properties): analoop.v1.ProbeResult;

            /**
             * Encodes the specified ProbeResult message. Does not implicitly {@link analoop.v1.ProbeResult.verify|verify} messages.
             * @param message ProbeResult message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: analoop.v1.ProbeResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ProbeResult message, length delimited. Does not implicitly {@link analoop.v1.ProbeResult.verify|verify} messages.
             * @param message ProbeResult message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: analoop.v1.ProbeResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ProbeResult message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {analoop.v1.ProbeResult & analoop.v1.ProbeResult.$Shape} ProbeResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): analoop.v1.ProbeResult & analoop.v1.ProbeResult.$Shape;

            /**
             * Decodes a ProbeResult message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {analoop.v1.ProbeResult & analoop.v1.ProbeResult.$Shape} ProbeResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): analoop.v1.ProbeResult & analoop.v1.ProbeResult.$Shape;

            /**
             * Verifies a ProbeResult message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ProbeResult message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ProbeResult
             */
            static fromObject(object: { [k: string]: any }): analoop.v1.ProbeResult;

            /**
             * Creates a plain object from a ProbeResult message. Also converts values to other types if specified.
             * @param message ProbeResult
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: analoop.v1.ProbeResult, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ProbeResult to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ProbeResult
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ProbeResult {

            /** Properties of a ProbeResult. */
            interface $Properties {

                /** ProbeResult tile */
                tile?: (number|null);

                /** ProbeResult repeats */
                repeats?: (number|null);

                /** ProbeResult rows */
                rows?: (number|null);

                /** ProbeResult rawOutputCodes */
                rawOutputCodes?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ProbeResult. */
            type $Shape = analoop.v1.ProbeResult.$Properties;
        }

        /**
         * Properties of a Ping.
         * @deprecated Use analoop.v1.Ping.$Properties instead.
         */
        interface IPing extends analoop.v1.Ping.$Properties {
        }

        /** Represents a Ping. */
        class Ping {

            /**
             * Constructs a new Ping.
             * @param [properties] Properties to set
             */
            constructor(properties?: analoop.v1.Ping.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Ping nonce. */
            nonce: number;

            /**
             * Creates a new Ping instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Ping instance
             */
            static create(properties: analoop.v1.Ping.$Shape): analoop.v1.Ping & analoop.v1.Ping.$Shape;
            static create(properties?: analoop.v1.Ping.$Properties): analoop.v1.Ping;

            /**
             * Encodes the specified Ping message. Does not implicitly {@link analoop.v1.Ping.verify|verify} messages.
             * @param message Ping message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: analoop.v1.Ping.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Ping message, length delimited. Does not implicitly {@link analoop.v1.Ping.verify|verify} messages.
             * @param message Ping message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: analoop.v1.Ping.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Ping message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {analoop.v1.Ping & analoop.v1.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): analoop.v1.Ping & analoop.v1.Ping.$Shape;

            /**
             * Decodes a Ping message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {analoop.v1.Ping & analoop.v1.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): analoop.v1.Ping & analoop.v1.Ping.$Shape;

            /**
             * Verifies a Ping message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Ping message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Ping
             */
            static fromObject(object: { [k: string]: any }): analoop.v1.Ping;

            /**
             * Creates a plain object from a Ping message. Also converts values to other types if specified.
             * @param message Ping
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: analoop.v1.Ping, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Ping to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Ping
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Ping {

            /** Properties of a Ping. */
            interface $Properties {

                /** Ping nonce */
                nonce?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Ping. */
            type $Shape = analoop.v1.Ping.$Properties;
        }

        /**
         * Properties of a Pong.
         * @deprecated Use analoop.v1.Pong.$Properties instead.
         */
        interface IPong extends analoop.v1.Pong.$Properties {
        }

        /** Represents a Pong. */
        class Pong {

            /**
             * Constructs a new Pong.
             * @param [properties] Properties to set
             */
            constructor(properties?: analoop.v1.Pong.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Pong nonce. */
            nonce: number;

            /** Pong uptimeMs. */
            uptimeMs: number;

            /**
             * Creates a new Pong instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Pong instance
             */
            static create(properties: analoop.v1.Pong.$Shape): analoop.v1.Pong & analoop.v1.Pong.$Shape;
            static create(properties?: analoop.v1.Pong.$Properties): analoop.v1.Pong;

            /**
             * Encodes the specified Pong message. Does not implicitly {@link analoop.v1.Pong.verify|verify} messages.
             * @param message Pong message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: analoop.v1.Pong.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Pong message, length delimited. Does not implicitly {@link analoop.v1.Pong.verify|verify} messages.
             * @param message Pong message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: analoop.v1.Pong.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Pong message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {analoop.v1.Pong & analoop.v1.Pong.$Shape} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): analoop.v1.Pong & analoop.v1.Pong.$Shape;

            /**
             * Decodes a Pong message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {analoop.v1.Pong & analoop.v1.Pong.$Shape} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): analoop.v1.Pong & analoop.v1.Pong.$Shape;

            /**
             * Verifies a Pong message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Pong message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Pong
             */
            static fromObject(object: { [k: string]: any }): analoop.v1.Pong;

            /**
             * Creates a plain object from a Pong message. Also converts values to other types if specified.
             * @param message Pong
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: analoop.v1.Pong, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Pong to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Pong
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Pong {

            /** Properties of a Pong. */
            interface $Properties {

                /** Pong nonce */
                nonce?: (number|null);

                /** Pong uptimeMs */
                uptimeMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Pong. */
            type $Shape = analoop.v1.Pong.$Properties;
        }

        /**
         * Properties of a Reset.
         * @deprecated Use analoop.v1.Reset.$Properties instead.
         */
        interface IReset extends analoop.v1.Reset.$Properties {
        }

        /** Represents a Reset. */
        class Reset {

            /**
             * Constructs a new Reset.
             * @param [properties] Properties to set
             */
            constructor(properties?: analoop.v1.Reset.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /**
             * Creates a new Reset instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Reset instance
             */
            static create(properties: analoop.v1.Reset.$Shape): analoop.v1.Reset & analoop.v1.Reset.$Shape;
            static create(properties?: analoop.v1.Reset.$Properties): analoop.v1.Reset;

            /**
             * Encodes the specified Reset message. Does not implicitly {@link analoop.v1.Reset.verify|verify} messages.
             * @param message Reset message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: analoop.v1.Reset.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Reset message, length delimited. Does not implicitly {@link analoop.v1.Reset.verify|verify} messages.
             * @param message Reset message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: analoop.v1.Reset.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Reset message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {analoop.v1.Reset & analoop.v1.Reset.$Shape} Reset
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): analoop.v1.Reset & analoop.v1.Reset.$Shape;

            /**
             * Decodes a Reset message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {analoop.v1.Reset & analoop.v1.Reset.$Shape} Reset
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): analoop.v1.Reset & analoop.v1.Reset.$Shape;

            /**
             * Verifies a Reset message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Reset message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Reset
             */
            static fromObject(object: { [k: string]: any }): analoop.v1.Reset;

            /**
             * Creates a plain object from a Reset message. Also converts values to other types if specified.
             * @param message Reset
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: analoop.v1.Reset, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Reset to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Reset
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Reset {

            /** Properties of a Reset. */
            interface $Properties {

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Reset. */
            type $Shape = analoop.v1.Reset.$Properties;
        }

        /**
         * Properties of a ResetAck.
         * @deprecated Use analoop.v1.ResetAck.$Properties instead.
         */
        interface IResetAck extends analoop.v1.ResetAck.$Properties {
        }

        /** Represents a ResetAck. */
        class ResetAck {

            /**
             * Constructs a new ResetAck.
             * @param [properties] Properties to set
             */
            constructor(properties?: analoop.v1.ResetAck.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /**
             * Creates a new ResetAck instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ResetAck instance
             */
            static create(properties: analoop.v1.ResetAck.$Shape): analoop.v1.ResetAck & analoop.v1.ResetAck.$Shape;
            static create(properties?: analoop.v1.ResetAck.$Properties): analoop.v1.ResetAck;

            /**
             * Encodes the specified ResetAck message. Does not implicitly {@link analoop.v1.ResetAck.verify|verify} messages.
             * @param message ResetAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: analoop.v1.ResetAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ResetAck message, length delimited. Does not implicitly {@link analoop.v1.ResetAck.verify|verify} messages.
             * @param message ResetAck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: analoop.v1.ResetAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ResetAck message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {analoop.v1.ResetAck & analoop.v1.ResetAck.$Shape} ResetAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): analoop.v1.ResetAck & analoop.v1.ResetAck.$Shape;

            /**
             * Decodes a ResetAck message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {analoop.v1.ResetAck & analoop.v1.ResetAck.$Shape} ResetAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): analoop.v1.ResetAck & analoop.v1.ResetAck.$Shape;

            /**
             * Verifies a ResetAck message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ResetAck message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ResetAck
             */
            static fromObject(object: { [k: string]: any }): analoop.v1.ResetAck;

            /**
             * Creates a plain object from a ResetAck message. Also converts values to other types if specified.
             * @param message ResetAck
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: analoop.v1.ResetAck, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ResetAck to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ResetAck
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ResetAck {

            /** Properties of a ResetAck. */
            interface $Properties {

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ResetAck. */
            type $Shape = analoop.v1.ResetAck.$Properties;
        }

        /** ErrorCode enum. */
        enum ErrorCode {

            /** ERROR_CODE_UNSPECIFIED value */
            ERROR_CODE_UNSPECIFIED = 0,

            /** BAD_FRAME value */
            BAD_FRAME = 1,

            /** UNSUPPORTED_VERSION value */
            UNSUPPORTED_VERSION = 2,

            /** BAD_REQUEST value */
            BAD_REQUEST = 3,

            /** OUT_OF_RANGE value */
            OUT_OF_RANGE = 4,

            /** NOT_PROGRAMMED value */
            NOT_PROGRAMMED = 5,

            /** BUSY value */
            BUSY = 6,

            /** INTERNAL value */
            INTERNAL = 7
        }

        /**
         * Properties of an Error.
         * @deprecated Use analoop.v1.Error.$Properties instead.
         */
        interface IError extends analoop.v1.Error.$Properties {
        }

        /** Represents an Error. */
        class Error {

            /**
             * Constructs a new Error.
             * @param [properties] Properties to set
             */
            constructor(properties?: analoop.v1.Error.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Error code. */
            code: analoop.v1.ErrorCode;

            /** Error message. */
            message: string;

            /**
             * Creates a new Error instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Error instance
             */
            static create(properties: analoop.v1.Error.$Shape): analoop.v1.Error & analoop.v1.Error.$Shape;
            static create(properties?: analoop.v1.Error.$Properties): analoop.v1.Error;

            /**
             * Encodes the specified Error message. Does not implicitly {@link analoop.v1.Error.verify|verify} messages.
             * @param message Error message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: analoop.v1.Error.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Error message, length delimited. Does not implicitly {@link analoop.v1.Error.verify|verify} messages.
             * @param message Error message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: analoop.v1.Error.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Error message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {analoop.v1.Error & analoop.v1.Error.$Shape} Error
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): analoop.v1.Error & analoop.v1.Error.$Shape;

            /**
             * Decodes an Error message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {analoop.v1.Error & analoop.v1.Error.$Shape} Error
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): analoop.v1.Error & analoop.v1.Error.$Shape;

            /**
             * Verifies an Error message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Error message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Error
             */
            static fromObject(object: { [k: string]: any }): analoop.v1.Error;

            /**
             * Creates a plain object from an Error message. Also converts values to other types if specified.
             * @param message Error
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: analoop.v1.Error, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Error to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Error
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Error {

            /** Properties of an Error. */
            interface $Properties {

                /** Error code */
                code?: (analoop.v1.ErrorCode|null);

                /** Error message */
                message?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Error. */
            type $Shape = analoop.v1.Error.$Properties;
        }
    }
}
