package demo;

import java.util.Map;
import java.util.List;
import java.util.Map;

public class Main {
    public static void main(String[] args) {
        List<String> names = List.of(args);
        Map<String, Integer> lengths = Map.of();
        System.out.println(names.size() + lengths.size());
    }
}
