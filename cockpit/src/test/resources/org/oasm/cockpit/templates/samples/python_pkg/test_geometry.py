import geometry


def test_area_of_the_unit_circle():
    assert abs(geometry.area(1) - 3.14159265) < 1e-6


def test_perimeter_of_a_square():
    assert geometry.perimeter([(0, 0), (1, 0), (1, 1), (0, 1)]) == 4.0


def test_polygon_perimeter():
    assert geometry.Polygon([(0, 0), (3, 0), (3, 4)]).perimeter() == 12.0


def test_missing_file_reads_as_empty():
    assert geometry.load("/nonexistent/file") == ""
    assert geometry.is_missing(None)
