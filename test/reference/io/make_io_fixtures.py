"""Writes the small MAT-file and NumPy fixtures that test/io.test.ts reads.

Run with: /usr/bin/python3 test/reference/io/make_io_fixtures.py  (scipy and numpy needed).
Every value is deterministic, so the tests can state the expected contents.
"""
import os

import numpy as np
import scipy.io as sio
import scipy.sparse as sp

here = os.path.dirname(os.path.abspath(__file__))

variables = {
    'mat23': np.arange(6, dtype=float).reshape(2, 3) + 0.5,
    'ints': np.array([[-3, 250]], dtype=np.int16),
    'u8': np.array([[1, 2, 255]], dtype=np.uint8),
    'flags': np.array([[True, False, True]]),
    'z': np.array([[1 + 2j, -3.5j]]),
    'name': 'Jansen-Rit',
    'words': np.array([['V1'], ['V2'], ['area 46d']], dtype=object),
    'cube': np.arange(24, dtype=np.float32).reshape(2, 3, 4),
    'sparse': sp.csc_matrix(np.array([[0, 2.0, 0], [1.5, 0, 0]])),
    'params': {'tau': 20.0, 'label': 'E', 'w': np.array([[1.0, 2.0]])},
    'records': np.array([[(1.0, 'a'), (2.0, 'bb')]], dtype=[('v', object), ('s', object)]),
}
for compress in (True, False):
    name = 'fixtures-compressed.mat' if compress else 'fixtures-plain.mat'
    sio.savemat(os.path.join(here, name), variables, do_compression=compress, oned_as='row')

m = np.arange(12, dtype='<f8').reshape(3, 4) / 4
np.save(os.path.join(here, 'c-order-f8.npy'), m)
np.save(os.path.join(here, 'fortran-i4-be.npy'), np.asfortranarray(np.arange(6, dtype='>i4').reshape(2, 3) - 2))
np.save(os.path.join(here, 'bool.npy'), np.array([True, False, True]))
np.savez_compressed(os.path.join(here, 'arrays.npz'), Cmat=m, lengths=np.array([1, 2, 3], dtype=np.int64), u16=np.array([[7]], dtype=np.uint16))
