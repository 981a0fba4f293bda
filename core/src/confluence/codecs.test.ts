import { adfCodec, markdownCodec, storageCodec } from './codecs.js';
import { runCodecContract } from '../../../test/support/confluence-codec-contract.js';

// One contract, every Confluence representation.
runCodecContract(adfCodec);
runCodecContract(storageCodec);
runCodecContract(markdownCodec);
